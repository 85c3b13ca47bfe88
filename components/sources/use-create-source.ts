"use client";

import { useMutation } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import type { Source, SourceKind } from "@/components/trpc/router-types";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/trpc-context";

const EMPTY_NAME = "A source needs a name.";

/**
 * Creating a source from a form: the name and its field-level message (empty, or what the
 * server said of it), the request, and a form-level message for any other failure. Both forms
 * that create sources (the sources page, the canvas's add flow) share it.
 */
export function useCreateSource(workspaceId: string, onCreated: (source: Source) => void) {
  const trpc = useTRPC();
  const nameInput = useRef<HTMLInputElement>(null);
  const [name, setNameState] = useState("");
  const [nameError, setNameError] = useState<string | null>(null);
  const create = useMutation(
    trpc.sources.create.mutationOptions({
      onSuccess: (source) => {
        setNameState("");
        onCreated(source);
      },
      onError: (error) => {
        // The only free-text field is the name: a BAD_REQUEST is about it.
        if (error.data?.code === "BAD_REQUEST") {
          setNameError(error.message);
          nameInput.current?.focus();
        }
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>, kind: SourceKind | undefined) {
    event.preventDefault();
    if (name.trim() === "") {
      setNameError(EMPTY_NAME);
      nameInput.current?.focus();
      return;
    }
    create.mutate({ workspaceId, name, kind });
  }

  return {
    name,
    setName(value: string) {
      setNameState(value);
      setNameError(null);
    },
    nameError,
    nameInput,
    submit,
    pending: create.isPending,
    formError: create.isError && create.error.data?.code !== "BAD_REQUEST" ? errorMessage(create.error) : null,
  };
}
