"use client";

import { useId, useState } from "react";
import type { SourceKind } from "@/components/trpc/router-types";
import { Button } from "@/components/ui/Button";
import { SourceNameInput } from "./SourceNameInput";
import { sourceKindLabel } from "./source-kinds";
import { useCreateSource } from "./use-create-source";
import { useSourcesCache } from "./use-sources-cache";

/** The sources page's form for a new source: it joins the list below once created. */
export function CreateSourceForm({ workspaceId, kinds }: { workspaceId: string; kinds: readonly SourceKind[] }) {
  const id = useId();
  const cache = useSourcesCache(workspaceId);
  const [kind, setKind] = useState<SourceKind | undefined>(kinds[0]);
  const form = useCreateSource(workspaceId, (source) => cache.put(source));

  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-xl border border-zinc-200 bg-white p-4 shadow-sm sm:p-5">
      <h2 id={`${id}-heading`} className="text-sm font-semibold text-zinc-900">
        Add a source
      </h2>
      <form onSubmit={(event) => form.submit(event, kind)} noValidate className="mt-3 grid gap-3 sm:grid-cols-[minmax(0,1fr)_12rem_auto] sm:items-start">
        <SourceNameInput id={`${id}-name`} value={form.name} onChange={form.setName} error={form.nameError} inputRef={form.nameInput} />
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
        <Button type="submit" variant="primary" disabled={form.pending} className="sm:mt-6">
          {form.pending ? "Creating…" : "Create source"}
        </Button>
      </form>
      {form.formError ? (
        <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {form.formError}
        </p>
      ) : null}
    </section>
  );
}
