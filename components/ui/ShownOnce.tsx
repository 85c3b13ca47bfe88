"use client";

import { useRef } from "react";
import { CopyButton } from "./CopyButton";

/** A secret (a token, an invitation link) shown right after it is made, with a copy button. */
export function ShownOnce({ label, value, note, testId }: { label: string; value: string; note: string; testId: string }) {
  const shown = useRef<HTMLElement>(null);
  return (
    <div className="rounded-lg border border-emerald-200 bg-emerald-50 p-3">
      <p className="text-sm font-medium text-emerald-900">{label}</p>
      <div className="mt-2 flex min-w-0 items-center gap-2">
        <code ref={shown} data-testid={testId} className="min-w-0 flex-1 select-all break-all rounded-md bg-white px-2 py-1 font-mono text-xs leading-5 text-zinc-800">
          {value}
        </code>
        <CopyButton text={value} label={`Copy ${label.charAt(0).toLowerCase()}${label.slice(1)}`} what={label} selectOnFailure={shown} />
      </div>
      <p className="mt-2 text-xs text-emerald-900">{note}</p>
    </div>
  );
}
