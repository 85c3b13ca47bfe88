"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { Sample } from "@/components/trpc/router-types";
import { useTRPC } from "@/components/trpc/trpc-context";

type SamplePickerProps = {
  workspaceId: string;
  destinationId: string;
  selectedId: string | null;
  onSelect(sample: { id: string; label: string; event: Record<string, unknown> }): void;
};

/** Recent real events of the connected sources (searchable), the built-in samples, or one pasted. */
export function SamplePicker({ workspaceId, destinationId, selectedId, onSelect }: SamplePickerProps) {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [pasting, setPasting] = useState(false);
  const [pasted, setPasted] = useState("");
  const [pasteError, setPasteError] = useState<string | null>(null);
  const samples = useQuery(trpc.actions.samples.queryOptions({ workspaceId, destinationId, search: search || undefined }));

  const item = (sample: Sample) => (
    <li key={sample.id}>
      <button
        type="button"
        onClick={() => onSelect(sample)}
        aria-pressed={sample.id === selectedId}
        data-sample={sample.id}
        className={`flex w-full items-baseline justify-between gap-2 rounded px-2 py-1 text-left text-sm ${sample.id === selectedId ? "bg-zinc-900 text-white" : "hover:bg-zinc-100"}`}
      >
        <span className="truncate">{sample.label}</span>
        <span className={`shrink-0 text-xs ${sample.id === selectedId ? "text-zinc-300" : "text-zinc-500"}`}>{sample.receivedAt ? new Date(sample.receivedAt).toLocaleTimeString() : sample.type}</span>
      </button>
    </li>
  );

  return (
    <section aria-labelledby="samples-heading" className="rounded-lg border border-zinc-200 bg-white p-3">
      <div className="mb-2 flex items-center justify-between">
        <h2 id="samples-heading" className="text-sm font-semibold text-zinc-900">Sample event</h2>
        <button type="button" className="text-xs font-medium text-zinc-600 hover:text-zinc-900" onClick={() => setPasting((p) => !p)}>{pasting ? "Close" : "Paste or edit JSON"}</button>
      </div>
      {pasting ? (
        <div className="mb-2 space-y-1.5">
          <textarea aria-label="Sample event JSON" value={pasted} onChange={(e) => setPasted(e.target.value)} rows={8} placeholder='{ "type": "track", "event": "Order Completed", "properties": { ... } }' className="w-full rounded-md border border-zinc-300 p-2 font-mono text-xs" spellCheck={false} />
          {pasteError ? <p role="alert" className="text-xs text-red-700">{pasteError}</p> : null}
          <button
            type="button"
            className="h-7 rounded-md bg-zinc-900 px-2.5 text-xs font-medium text-white"
            onClick={() => {
              try {
                const value: unknown = JSON.parse(pasted);
                if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error("The sample must be a JSON object, such as a track call");
                setPasteError(null);
                onSelect({ id: "pasted", label: "Pasted event", event: value as Record<string, unknown> });
              } catch (error) {
                setPasteError(error instanceof SyntaxError ? `Not valid JSON: ${error.message}` : (error as Error).message);
              }
            }}
          >
            Use this event
          </button>
        </div>
      ) : null}
      <label htmlFor="sample-search" className="sr-only">Search recent events</label>
      <input id="sample-search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Search recent events" className="mb-2 h-8 w-full rounded-md border border-zinc-300 px-2 text-sm" />
      <div className="max-h-64 overflow-auto">
        <h3 className="px-2 pt-1 text-xs font-semibold uppercase tracking-wide text-zinc-500">Live events</h3>
        <ul data-testid="recent-samples">
          {samples.data?.recent.length === 0 ? <li className="px-2 py-1 text-xs text-zinc-500">{search ? "No recent event matches" : "No events from the connected sources yet"}</li> : null}
          {samples.data?.recent.map(item)}
        </ul>
        <h3 className="px-2 pt-2 text-xs font-semibold uppercase tracking-wide text-zinc-500">Built-in samples</h3>
        <ul>{samples.data?.builtIn.map(item)}</ul>
      </div>
    </section>
  );
}
