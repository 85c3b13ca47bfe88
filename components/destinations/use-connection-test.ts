"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/trpc-context";

export type ConnectionTestState = { status: "idle" | "running" | "ok" } | { status: "failed"; message: string };

/** Runs `destinations.testConnection` and keeps its last result; field errors go to `onFieldErrors`. */
export function useConnectionTest(onFieldErrors: (errors: Record<string, string[]>) => void) {
  const trpc = useTRPC();
  const [state, setState] = useState<ConnectionTestState>({ status: "idle" });
  const mutation = useMutation(
    trpc.destinations.testConnection.mutationOptions({
      onMutate: () => setState({ status: "running" }),
      onSuccess: (result) => setState(result.ok ? { status: "ok" } : { status: "failed", message: result.message }),
      onError: (error) => {
        const fieldErrors = error.data?.zodError?.fieldErrors;
        if (fieldErrors && Object.keys(fieldErrors).length > 0) onFieldErrors(fieldErrors);
        setState({ status: "failed", message: errorMessage(error) });
      },
    }),
  );
  return { state, run: mutation.mutate, reset: () => setState({ status: "idle" }) };
}
