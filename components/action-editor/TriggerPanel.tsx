"use client";

import { useState } from "react";
import type { ActionPreview } from "@/components/trpc/router-types";
import { TriggerBuilderView } from "./TriggerBuilderView";
import { generateTrigger } from "./trigger-model/generate-trigger";
import type { TriggerBuilder } from "./trigger-model/types";

type TriggerPanelProps = {
  trigger: string;
  onChange(trigger: string): void;
  check: ActionPreview["trigger"] | null;
  /** The builder form of `builderFor` (from the preview), null when that trigger does not parse. */
  builder: TriggerBuilder | null;
  builderFor: string | null;
  sampleLabel: string | null;
  fieldSuggestions: string[];
};

/** Which events the action receives, built visually or typed, and whether the sample matches. */
export function TriggerPanel({ trigger, onChange, check, builder, builderFor, sampleLabel, fieldSuggestions }: TriggerPanelProps) {
  const [view, setView] = useState<"visual" | "text">("visual");
  const [edited, setEdited] = useState<{ text: string; builder: TriggerBuilder } | null>(null);
  const shown = edited?.text === trigger ? edited.builder : builderFor === trigger ? builder : null;
  const error = check && !check.valid && builderFor === trigger ? check.error : null;
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
      <div role="tablist" aria-label="Trigger view" className="mb-2 inline-flex rounded-md bg-zinc-100 p-0.5 text-xs">
        {(["visual", "text"] as const).map((tab) => (
          <button key={tab} role="tab" type="button" aria-selected={view === tab} onClick={() => setView(tab)} className={`rounded px-2.5 py-0.5 font-medium ${view === tab ? "bg-white text-zinc-900 shadow-sm" : "text-zinc-600"}`}>
            {tab === "visual" ? "Visual" : "Text"}
          </button>
        ))}
      </div>
      {view === "visual" ? (
        shown ? (
          <TriggerBuilderView
            builder={shown}
            fieldSuggestions={fieldSuggestions}
            onChange={(next) => {
              const text = generateTrigger(next);
              setEdited({ text, builder: next });
              onChange(text);
            }}
          />
        ) : error ? (
          <p className="text-sm text-amber-800">The trigger has a syntax error; fix it in the Text view.</p>
        ) : (
          <p className="text-sm text-zinc-500">Reading the trigger…</p>
        )
      ) : null}
      <label htmlFor="trigger-text" className="sr-only">Trigger</label>
      <input
        id="trigger-text"
        value={trigger}
        onChange={(e) => onChange(e.target.value)}
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        readOnly={view === "visual"}
        className={`${view === "visual" ? "mt-2 h-8 border-dashed bg-zinc-50 text-xs text-zinc-600" : "h-9 text-sm"} w-full rounded-md border px-2.5 font-mono ${error ? "border-red-400 bg-red-50" : "border-zinc-300"}`}
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
