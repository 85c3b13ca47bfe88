"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/trpc-context";
import { Button } from "@/components/ui/Button";

/** Makes a workspace with the user as its admin, then opens it. */
export function CreateWorkspaceForm({ label = "New workspace" }: { label?: string }) {
  const id = useId();
  const trpc = useTRPC();
  const [name, setName] = useState("");
  const create = useMutation(trpc.workspaces.create.mutationOptions({ onSuccess: (w) => window.location.assign(`/w/${encodeURIComponent(w.id)}`) }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ name });
  }

  return (
    <form onSubmit={submit} className="text-left">
      <label htmlFor={id} className="block text-xs font-medium text-zinc-600">
        {label}
      </label>
      <div className="mt-1 flex gap-2">
        <input id={id} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} placeholder="Name" className="h-8 min-w-0 flex-1 rounded-md border border-zinc-300 px-2 text-sm" />
        <Button type="submit" size="sm" variant="primary" disabled={create.isPending}>
          Create
        </Button>
      </div>
      {create.isError ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {errorMessage(create.error)}
        </p>
      ) : null}
    </form>
  );
}
