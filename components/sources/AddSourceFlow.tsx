"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { Breadcrumbs } from "@/components/shell/Breadcrumbs";
import type { SourceKind } from "@/components/trpc/router-types";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/trpc-context";
import { Button } from "@/components/ui/Button";
import { sourceKindLabel } from "./source-kinds";

const KIND_HINTS: Record<string, string> = {
  http: "Any server or tool that can POST JSON.",
  javascript: "A website, with the browser snippet.",
  node: "A Node.js backend, with analytics-node.",
  python: "A Python backend.",
  go: "A Go backend.",
};

/** Name a source and pick what sends to it, then land on its node on the canvas. */
export function AddSourceFlow({ workspaceId, kinds }: { workspaceId: string; kinds: readonly SourceKind[] }) {
  const id = useId();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const nameInput = useRef<HTMLInputElement>(null);
  const [name, setName] = useState("");
  const [kind, setKind] = useState<SourceKind>(kinds[0] ?? "http");
  const [nameError, setNameError] = useState<string | null>(null);
  const base = `/w/${encodeURIComponent(workspaceId)}`;
  const create = useMutation(
    trpc.sources.create.mutationOptions({
      onSuccess: (source) => {
        queryClient.removeQueries({ queryKey: trpc.canvas.graph.queryKey({ workspaceId }) });
        void queryClient.invalidateQueries({ queryKey: trpc.sources.list.queryKey({ workspaceId }) });
        router.push(`${base}?selected=${encodeURIComponent(`source:${source.id}`)}`);
      },
      onError: (error) => {
        if (error.data?.code === "BAD_REQUEST") {
          setNameError(error.message);
          nameInput.current?.focus();
        }
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (name.trim() === "") {
      setNameError("A source needs a name.");
      nameInput.current?.focus();
      return;
    }
    create.mutate({ workspaceId, name, kind });
  }

  const formError = create.isError && create.error.data?.code !== "BAD_REQUEST" ? errorMessage(create.error) : null;
  return (
    <div className="mx-auto max-w-2xl">
      <Breadcrumbs items={[{ label: "Connections", href: base }, { label: "Add a source" }]} />
      <h1 className="text-2xl font-semibold tracking-tight">Add a source</h1>
      <p className="mt-1 text-sm text-zinc-600">A source is where events come from. It gets its own write key once created.</p>
      <form onSubmit={submit} noValidate className="mt-6 space-y-5 rounded-xl border border-zinc-200 bg-white p-4 shadow-sm sm:p-6">
        <div>
          <label htmlFor={`${id}-name`} className="block text-sm font-medium text-zinc-700">
            Name
          </label>
          <input
            ref={nameInput}
            id={`${id}-name`}
            value={name}
            maxLength={100}
            autoFocus
            placeholder="e.g. Website, Checkout API"
            onChange={(event) => {
              setName(event.target.value);
              setNameError(null);
            }}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? `${id}-name-error` : undefined}
            className="mt-1 h-9 w-full rounded-md border border-zinc-300 bg-white px-3 text-sm shadow-sm placeholder:text-zinc-400 aria-invalid:border-red-500"
          />
          {nameError ? (
            <p id={`${id}-name-error`} className="mt-1 text-sm text-red-700">
              {nameError}
            </p>
          ) : null}
        </div>
        <fieldset>
          <legend className="text-sm font-medium text-zinc-700">What sends events to it</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {kinds.map((k) => (
              <label key={k} className="flex cursor-pointer items-start gap-2.5 rounded-lg border border-zinc-200 p-3 has-[:checked]:border-zinc-900 has-[:checked]:bg-zinc-50">
                <input type="radio" name={`${id}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} className="mt-0.5 accent-zinc-900" />
                <span>
                  <span className="block text-sm font-medium text-zinc-900">{sourceKindLabel(k)}</span>
                  <span className="block text-xs text-zinc-500">{KIND_HINTS[k] ?? ""}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {formError ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {formError}
          </p>
        ) : null}
        <div className="flex justify-end border-t border-zinc-100 pt-4">
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create source"}
          </Button>
        </div>
      </form>
    </div>
  );
}
