"use client";

import { useId, useMemo, useState } from "react";
import type { CatalogEntry } from "./destination-types";

type CatalogPickerProps = { catalog: CatalogEntry[]; onPick: (entry: CatalogEntry) => void };

/** The destination catalog with a search box and a category filter; picking one goes on to its settings. */
export function CatalogPicker({ catalog, onPick }: CatalogPickerProps) {
  const id = useId();
  const [query, setQuery] = useState("");
  const [category, setCategory] = useState<string>("All");
  const categories = useMemo(() => ["All", ...[...new Set(catalog.map((e) => e.category))].sort()], [catalog]);
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const shown = catalog.filter(
    (entry) => (category === "All" || entry.category === category) && words.every((w) => `${entry.name} ${entry.category} ${entry.description}`.toLowerCase().includes(w)),
  );

  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex-1">
          <label htmlFor={`${id}-search`} className="block text-sm font-medium text-zinc-700">
            Search the catalog
          </label>
          <input
            id={`${id}-search`}
            type="search"
            value={query}
            autoFocus
            placeholder="e.g. Mixpanel, webhook, CRM"
            onChange={(event) => setQuery(event.target.value)}
            className="mt-1 h-9 w-full rounded-md border border-zinc-300 bg-white px-3 text-sm shadow-sm placeholder:text-zinc-400"
          />
        </div>
      </div>
      <div role="group" aria-label="Category" className="flex flex-wrap gap-1.5">
        {categories.map((c) => (
          <button
            key={c}
            type="button"
            aria-pressed={category === c}
            onClick={() => setCategory(c)}
            className="rounded-full border border-zinc-300 bg-white px-3 py-1 text-sm text-zinc-700 hover:bg-zinc-50 aria-pressed:border-zinc-900 aria-pressed:bg-zinc-900 aria-pressed:text-white"
          >
            {c}
          </button>
        ))}
      </div>
      {shown.length === 0 ? (
        <p className="rounded-lg border border-dashed border-zinc-300 bg-white px-4 py-8 text-center text-sm text-zinc-600">
          No destination matches “{query}”{category !== "All" ? ` in ${category}` : ""}. Try another word, or the Webhook destination for any HTTP endpoint.
        </p>
      ) : (
        <ul aria-label="Destinations" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {shown.map((entry) => (
            <li key={entry.key}>
              <button
                type="button"
                onClick={() => onPick(entry)}
                className="flex h-full w-full flex-col items-start rounded-xl border border-zinc-200 bg-white p-4 text-left shadow-sm transition-colors hover:border-zinc-400"
              >
                <span className="flex w-full items-center justify-between gap-2">
                  <span className="text-sm font-semibold text-zinc-900">{entry.name}</span>
                  <span className="shrink-0 rounded bg-zinc-100 px-1.5 py-0.5 text-[11px] font-medium text-zinc-600">{entry.category}</span>
                </span>
                <span className="mt-1.5 text-sm leading-5 text-zinc-600">{entry.description}</span>
                {entry.canTestConnection ? <span className="mt-2 text-xs text-zinc-500">Connection test available</span> : null}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
