"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { Source } from "@/components/trpc/router-types";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/trpc-context";
import { Button } from "@/components/ui/Button";
import { useSourcesCache } from "./use-sources-cache";

type RenameSourceFormProps = {
  workspaceId: string;
  source: Source;
  /** Keeps the row labelled by the source's name while the form replaces it. */
  nameId: string;
  onDone: () => void;
};

export function RenameSourceForm({ workspaceId, source, nameId, onDone }: RenameSourceFormProps) {
  const trpc = useTRPC();
  const cache = useSourcesCache(workspaceId);
  const [draft, setDraft] = useState(source.name);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const rename = useMutation(
    trpc.sources.rename.mutationOptions({
      onSuccess: (renamed) => {
        cache.put(renamed);
        onDone();
      },
      onError: (error) => setFieldError(errorMessage(error)),
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (draft.trim() === "") return setFieldError("A source needs a name.");
    if (draft.trim() === source.name) return onDone();
    rename.mutate({ workspaceId, id: source.id, name: draft });
  }

  const inputId = `${nameId}-input`;
  const errorId = `${nameId}-error`;
  return (
    <form onSubmit={submit} noValidate className="min-w-0">
      <span id={nameId} className="sr-only">
        {source.name}
      </span>
      <label htmlFor={inputId} className="sr-only">
        New name for {source.name}
      </label>
      <input
        id={inputId}
        value={draft}
        maxLength={100}
        autoFocus
        onFocus={(event) => event.currentTarget.select()}
        onChange={(event) => {
          setDraft(event.target.value);
          setFieldError(null);
        }}
        onKeyDown={(event) => {
          if (event.key === "Escape" && !rename.isPending) onDone();
        }}
        aria-invalid={fieldError ? true : undefined}
        aria-describedby={fieldError ? errorId : undefined}
        className="h-8 w-full rounded-md border border-zinc-300 bg-white px-2 text-sm shadow-sm aria-invalid:border-red-500"
      />
      {fieldError ? (
        <p id={errorId} className="mt-1 text-xs text-red-700">
          {fieldError}
        </p>
      ) : null}
      <div className="mt-2 flex gap-1.5">
        <Button type="submit" size="sm" variant="primary" disabled={rename.isPending}>
          Save
        </Button>
        <Button size="sm" variant="ghost" onClick={onDone} disabled={rename.isPending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
