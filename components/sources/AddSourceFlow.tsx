"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Breadcrumbs } from "@/components/shell/Breadcrumbs";
import type { SourceKind } from "@/components/trpc/router-types";
import { useTRPC } from "@/components/trpc/trpc-context";
import { Button } from "@/components/ui/Button";
import { SourceNameInput } from "./SourceNameInput";
import { sourceKindLabel } from "./source-kinds";
import { useCreateSource } from "./use-create-source";

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
  const [kind, setKind] = useState<SourceKind>(kinds[0] ?? "http");
  const base = `/w/${encodeURIComponent(workspaceId)}`;
  const form = useCreateSource(workspaceId, (source) => {
    queryClient.removeQueries({ queryKey: trpc.canvas.graph.queryKey({ workspaceId }) });
    void queryClient.invalidateQueries({ queryKey: trpc.sources.list.queryKey({ workspaceId }) });
    router.push(`${base}?selected=${encodeURIComponent(`source:${source.id}`)}`);
  });

  return (
    <div className="mx-auto max-w-2xl">
      <Breadcrumbs items={[{ label: "Connections", href: base }, { label: "Add a source" }]} />
      <h1 className="text-2xl font-semibold tracking-tight">Add a source</h1>
      <p className="mt-1 text-sm text-zinc-600">A source is where events come from. It gets its own write key once created.</p>
      <form onSubmit={(event) => form.submit(event, kind)} noValidate className="mt-6 space-y-5 rounded-xl border border-zinc-200 bg-white p-4 shadow-sm sm:p-6">
        <SourceNameInput id={`${id}-name`} value={form.name} onChange={form.setName} error={form.nameError} inputRef={form.nameInput} autoFocus />
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
        {form.formError ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {form.formError}
          </p>
        ) : null}
        <div className="flex justify-end border-t border-zinc-100 pt-4">
          <Button type="submit" variant="primary" disabled={form.pending}>
            {form.pending ? "Creating…" : "Create source"}
          </Button>
        </div>
      </form>
    </div>
  );
}
