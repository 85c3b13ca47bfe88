"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent } from "react";
import type { SourceKind } from "@/components/trpc/router-types";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/trpc-context";
import { Button } from "@/components/ui/Button";
import { sourceKindLabel } from "./source-kinds";
import { useSourcesCache } from "./use-sources-cache";

const EMPTY_NAME = "A source needs a name.";

export function CreateSourceForm({ workspaceId, kinds }: { workspaceId: string; kinds: readonly SourceKind[] }) {
  const id = useId();
  const trpc = useTRPC();
  const cache = useSourcesCache(workspaceId);
  const nameInput = useRef<HTMLInputElement>(null);
  const [name, setName] = useState("");
  const [kind, setKind] = useState<SourceKind | undefined>(kinds[0]);
  const [nameError, setNameError] = useState<string | null>(null);
  const create = useMutation(
    trpc.sources.create.mutationOptions({
      onSuccess: (source) => {
        cache.put(source);
        setName("");
      },
      onError: (error) => {
        // The only free-text field is the name: a BAD_REQUEST is about it.
        if (error.data?.code === "BAD_REQUEST") setNameError(error.message);
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (name.trim() === "") {
      setNameError(EMPTY_NAME);
      nameInput.current?.focus();
      return;
    }
    create.mutate({ workspaceId, name, kind });
  }

  const nameErrorId = `${id}-name-error`;
  const formError = create.isError && create.error.data?.code !== "BAD_REQUEST" ? errorMessage(create.error) : null;
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-xl border border-zinc-200 bg-white p-4 shadow-sm sm:p-5">
      <h2 id={`${id}-heading`} className="text-sm font-semibold text-zinc-900">
        Add a source
      </h2>
      <form onSubmit={submit} noValidate className="mt-3 grid gap-3 sm:grid-cols-[minmax(0,1fr)_12rem_auto] sm:items-start">
        <div>
          <label htmlFor={`${id}-name`} className="block text-sm font-medium text-zinc-700">
            Name
          </label>
          <input
            ref={nameInput}
            id={`${id}-name`}
            value={name}
            maxLength={100}
            placeholder="e.g. Website, Checkout API"
            onChange={(event) => {
              setName(event.target.value);
              setNameError(null);
            }}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? nameErrorId : undefined}
            className="mt-1 h-9 w-full rounded-md border border-zinc-300 bg-white px-3 text-sm shadow-sm placeholder:text-zinc-400 aria-invalid:border-red-500"
          />
          {nameError ? (
            <p id={nameErrorId} className="mt-1 text-sm text-red-700">
              {nameError}
            </p>
          ) : null}
        </div>
        <div>
          <label htmlFor={`${id}-kind`} className="block text-sm font-medium text-zinc-700">
            Kind
          </label>
          <select
            id={`${id}-kind`}
            value={kind}
            onChange={(event) => setKind(kinds.find((k) => k === event.target.value))}
            className="mt-1 h-9 w-full rounded-md border border-zinc-300 bg-white px-2.5 text-sm shadow-sm"
          >
            {kinds.map((k) => (
              <option key={k} value={k}>
                {sourceKindLabel(k)}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="primary" disabled={create.isPending} className="sm:mt-6">
          {create.isPending ? "Creating…" : "Create source"}
        </Button>
      </form>
      {formError ? (
        <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {formError}
        </p>
      ) : null}
    </section>
  );
}
