"use client";

import { useState } from "react";
import type { ActionField } from "@/components/trpc/router-types";
import { parseTemplate, templateText } from "./mapping-model/templates";
import type { Constant, MappingRow, Transform, ValueSource } from "./mapping-model/types";
import { previewOf, type SamplePath } from "./sample-paths";
import { SourcePicker } from "./SourcePicker";
import { TRANSFORM_CHOICES, transformLabel } from "./transforms";

type Mode = "path" | "constant" | "template" | "expression";

type RowProps = {
  name: string;
  field: ActionField | null;
  row: MappingRow | null;
  paths: SamplePath[];
  /** What the preview produced for this field. */
  produced: unknown;
  issue: string | null;
  onChange(row: MappingRow | null): void;
  depth: number;
};

function modeOf(row: MappingRow | null): Mode | null {
  if (!row) return null;
  if (row.kind === "expression") return "expression";
  if (row.kind === "value") return row.source.kind;
  return null;
}

function constantFrom(text: string, type: string | undefined): Constant {
  if ((type === "number" || type === "integer") && text.trim() !== "" && Number.isFinite(Number(text))) return Number(text);
  if (type === "boolean" && (text === "true" || text === "false")) return text === "true";
  return text;
}

/** One destination field: where its value comes from, and how it is transformed. */
export function MappingRowEditor({ name, field, row, paths, produced, issue, onChange, depth }: RowProps) {
  const [picking, setPicking] = useState(false);
  const mode = modeOf(row);
  const value = row?.kind === "value" ? row : null;
  const setValue = (source: ValueSource, transforms: Transform[] = value?.transforms ?? []) => onChange({ key: name, kind: "value", source, transforms });
  const setTransforms = (transforms: Transform[]) => value && onChange({ ...value, transforms });
  const unmappedRequired = !row && field?.required;

  return (
    <div className={`grid grid-cols-[minmax(9rem,13rem)_1fr] items-start gap-3 border-t border-zinc-100 py-2.5 ${unmappedRequired ? "bg-red-50/60" : ""}`} data-field={name} data-testid={`row-${name}`} style={{ paddingLeft: depth * 16 }}>
      <div className="min-w-0 pt-1">
        <div className="flex items-center gap-1.5">
          <span className="truncate font-mono text-[13px] font-medium text-zinc-900" title={field?.description ?? undefined}>{name}</span>
          {field?.required ? <span className="text-xs font-semibold text-red-600" title="Required">*</span> : null}
          {field?.description ? (
            <span className="inline-flex size-3.5 cursor-help items-center justify-center rounded-full border border-zinc-300 font-serif text-[9px] italic text-zinc-500" title={field.description} aria-label={field.description}>
              i
            </span>
          ) : null}
        </div>
        <div className="text-xs text-zinc-500">{field ? `${field.type === "any" ? "any value" : field.type}${field.required ? ", required" : ""}` : "extra field"}</div>
      </div>
      <div className="min-w-0 space-y-1.5">
        <div className="flex flex-wrap items-center gap-1.5">
          <label className="sr-only" htmlFor={`mode-${name}-${depth}`}>How {name} is filled</label>
          <select
            id={`mode-${name}-${depth}`}
            value={mode ?? "none"}
            onChange={(e) => {
              const next = e.target.value as Mode | "none";
              if (next === "none") onChange(null);
              else if (next === "path") setPicking(true);
              else if (next === "constant") setValue({ kind: "constant", value: "" }, []);
              else if (next === "template") setValue({ kind: "template", parts: [] }, []);
              else onChange({ key: name, kind: "expression", text: row?.kind === "expression" ? row.text : "null" });
            }}
            className="h-8 rounded-md border border-zinc-300 bg-white px-1.5 text-sm text-zinc-700"
          >
            <option value="none">Not mapped</option>
            <option value="path">Event field</option>
            <option value="constant">Fixed value</option>
            <option value="template">Text template</option>
            <option value="expression">JSONata expression</option>
          </select>

          {mode === "path" || (mode === null && picking) ? (
            <div className="relative">
              <button type="button" onClick={() => setPicking((p) => !p)} className="h-8 max-w-[22rem] truncate rounded-md border border-zinc-300 bg-white px-2.5 font-mono text-[13px] text-zinc-900 hover:bg-zinc-50" aria-label={`Source of ${name}`}>
                {value?.source.kind === "path" ? value.source.path.join(".") || "the whole event" : "Pick a field…"} ▾
              </button>
              {picking ? (
                <SourcePicker
                  paths={paths}
                  current={value?.source.kind === "path" ? value.source.path.join(".") : null}
                  onPick={(path) => {
                    setValue({ kind: "path", path });
                    setPicking(false);
                  }}
                  onClose={() => setPicking(false)}
                />
              ) : null}
            </div>
          ) : null}
          {mode === "constant" && value?.source.kind === "constant" ? (
            <input aria-label={`Fixed value of ${name}`} value={value.source.value === null ? "" : String(value.source.value)} onChange={(e) => setValue({ kind: "constant", value: constantFrom(e.target.value, field?.type) })} className="h-8 w-64 rounded-md border border-zinc-300 px-2 text-sm" />
          ) : null}
          {mode === "template" && value?.source.kind === "template" ? (
            <input aria-label={`Template of ${name}`} placeholder="{{traits.firstName}} {{traits.lastName}}" defaultValue={templateText(value.source.parts)} onBlur={(e) => setValue({ kind: "template", parts: parseTemplate(e.target.value) })} className="h-8 w-80 rounded-md border border-zinc-300 px-2 font-mono text-[13px]" />
          ) : null}

          {value ? (
            <>
              {value.transforms.map((t, i) => (
                <span key={i} data-testid="transform-chip" className="inline-flex h-7 items-center gap-1 rounded-full bg-indigo-50 px-2.5 text-xs font-medium text-indigo-800 ring-1 ring-indigo-200">
                  {t.kind === "default" ? (
                    <>
                      if missing:
                      <input aria-label={`Default value of ${name}`} defaultValue={String(t.value ?? "")} onBlur={(e) => setTransforms(value.transforms.map((x, j) => (j === i ? { ...t, value: constantFrom(e.target.value, field?.type) } : x)))} className="h-5 w-24 rounded border border-indigo-200 bg-white px-1 text-xs" />
                    </>
                  ) : (
                    transformLabel(t)
                  )}
                  <button type="button" aria-label={`Remove ${transformLabel(t)}`} onClick={() => setTransforms(value.transforms.filter((_, j) => j !== i))} className="text-indigo-500 hover:text-indigo-900">×</button>
                </span>
              ))}
              <label className="sr-only" htmlFor={`transform-${name}-${depth}`}>Add a transform to {name}</label>
              <select
                id={`transform-${name}-${depth}`}
                value=""
                onChange={(e) => {
                  const choice = TRANSFORM_CHOICES.find((c) => c.label === e.target.value);
                  if (choice) setTransforms([...value.transforms, choice.make()]);
                }}
                className="h-7 w-28 rounded-md border border-dashed border-zinc-300 bg-white px-1 text-xs text-zinc-600"
              >
                <option value="">+ transform</option>
                {TRANSFORM_CHOICES.map((c) => (
                  <option key={c.label} value={c.label}>{c.label}</option>
                ))}
              </select>
            </>
          ) : null}
        </div>
        {row?.kind === "expression" ? (
          <textarea aria-label={`JSONata of ${name}`} defaultValue={row.text} onBlur={(e) => e.target.value !== row.text && onChange({ ...row, text: e.target.value })} rows={Math.min(6, row.text.split("\n").length)} className="w-full rounded-md border border-zinc-200 bg-zinc-50 px-2 py-1 font-mono text-xs text-zinc-800" spellCheck={false} />
        ) : null}
        <div className="flex flex-wrap gap-x-3 text-xs">
          {produced !== undefined ? <span className="font-mono text-zinc-500" data-testid={`produced-${name}`}>→ {previewOf(produced)}</span> : null}
          {unmappedRequired ? <span className="font-medium text-red-700">Required: choose where {name} comes from</span> : null}
          {issue && !unmappedRequired ? <span className="font-medium text-red-700">{issue}</span> : null}
        </div>
      </div>
    </div>
  );
}
