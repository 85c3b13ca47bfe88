"use client";

import type { ActionPreview } from "@/components/trpc/router-types";

type TriggerPanelProps = { trigger: string; onChange(trigger: string): void; check: ActionPreview["trigger"] | null; sampleLabel: string | null };

/** Which events the action receives, in the subscription language, and whether the sample matches. */
export function TriggerPanel({ trigger, onChange, check, sampleLabel }: TriggerPanelProps) {
  const error = check && !check.valid ? check.error : null;
  return (
    <section aria-labelledby="trigger-heading" className="rounded-lg border border-zinc-200 bg-white p-4" data-testid="trigger">
      <div className="mb-2 flex items-center justify-between gap-2">
        <h2 id="trigger-heading" className="text-sm font-semibold text-zinc-900">Trigger: which events this action receives</h2>
        {check?.valid && sampleLabel ? (
          <span className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${check.matches ? "bg-emerald-100 text-emerald-800" : "bg-zinc-100 text-zinc-700"}`} data-testid="trigger-matches">
            Matches this sample: {check.matches ? "yes" : "no"}
          </span>
        ) : null}
      </div>
      <label htmlFor="trigger-text" className="sr-only">Trigger</label>
      <input
        id="trigger-text"
        value={trigger}
        onChange={(e) => onChange(e.target.value)}
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        className={`h-9 w-full rounded-md border px-2.5 font-mono text-sm ${error ? "border-red-400 bg-red-50" : "border-zinc-300"}`}
        placeholder='type = "track" and event = "Order Completed"'
      />
      {error ? (
        <p role="alert" className="mt-1 whitespace-pre-wrap font-mono text-xs text-red-700">
          {trigger}
          <br />
          {" ".repeat(Math.max(0, error.column - 1))}^ column {error.column}: {error.message}
        </p>
      ) : (
        <p className="mt-1 text-xs text-zinc-500">For example: type = &quot;track&quot; and event = &quot;Order Completed&quot;, contains(event, &quot;Product&quot;), properties.total &gt; 100</p>
      )}
    </section>
  );
}
