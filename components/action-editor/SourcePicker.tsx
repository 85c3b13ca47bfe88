"use client";

import { useId, useMemo, useState } from "react";
import type { SamplePath } from "./sample-paths";

type SourcePickerProps = {
  paths: SamplePath[];
  current: string | null;
  onPick(path: string[]): void;
  onClose(): void;
};

/** A searchable tree of the sample's fields: properties.total, traits.email, context.page.url... */
export function SourcePicker({ paths, current, onPick, onClose }: SourcePickerProps) {
  const [search, setSearch] = useState("");
  const id = useId();
  const shown = useMemo(() => {
    const words = search.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) return paths;
    return paths.filter((p) => words.every((w) => p.path.join(".").toLowerCase().includes(w) || p.preview.toLowerCase().includes(w)));
  }, [paths, search]);
  return (
    <div role="dialog" aria-label="Pick a field of the event" className="absolute left-0 top-full z-30 mt-1 w-[28rem] rounded-lg border border-zinc-200 bg-white p-2 shadow-lg">
      <label htmlFor={id} className="sr-only">Search the event&apos;s fields</label>
      <input
        id={id}
        autoFocus
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        onKeyDown={(e) => e.key === "Escape" && onClose()}
        placeholder="Search the event's fields, e.g. email"
        className="mb-2 h-8 w-full rounded-md border border-zinc-300 px-2 text-sm outline-none focus:border-zinc-500"
      />
      <ul className="max-h-72 overflow-auto text-sm" role="tree">
        {shown.length === 0 ? <li className="px-2 py-1 text-zinc-500">No field matches</li> : null}
        {shown.map((p) => {
          const dotted = p.path.join(".");
          return (
            <li key={dotted} role="treeitem" aria-selected={dotted === current}>
              <button
                type="button"
                onClick={() => onPick(p.path)}
                className={`flex w-full items-baseline justify-between gap-3 rounded px-2 py-1 text-left hover:bg-zinc-100 ${dotted === current ? "bg-zinc-100" : ""}`}
                style={{ paddingLeft: search ? 8 : 8 + p.depth * 14 }}
                data-path={dotted}
              >
                <span className="font-mono text-[13px] text-zinc-900">{search ? dotted : p.path.at(-1)}</span>
                <span className="truncate font-mono text-xs text-zinc-500">{p.kind === "value" ? p.preview : p.kind === "array" ? p.preview : "{…}"}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
