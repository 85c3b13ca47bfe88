"use client";

import type { ActionField } from "@/components/trpc/router-types";
import { replaceRow } from "./mapping-model/edit-rows";
import type { MappingModel, MappingRow } from "./mapping-model/types";
import { MappingRowEditor } from "./MappingRowEditor";
import { listPaths, samplePaths, type SamplePath } from "./sample-paths";

type VisualMappingProps = {
  model: MappingModel;
  fields: ActionField[];
  openFields: boolean;
  sample: Record<string, unknown> | null;
  payload: unknown;
  issues: Map<string, string>;
  onRows(rows: MappingRow[]): void;
  onSwitchToJsonata(): void;
};

function child(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}

/** The mapping as a row per destination field: the low-code view of the same JSONata. */
export function VisualMapping({ model, fields, openFields, sample, payload, issues, onRows, onSwitchToJsonata }: VisualMappingProps) {
  if (model.kind === "expression") {
    return (
      <div className="rounded-md border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900" data-testid="whole-expression">
        <p className="font-medium">{model.reason}.</p>
        <p className="mt-1">The whole mapping is one JSONata expression, kept exactly as written. Edit it in the JSONata view.</p>
        <pre className="mt-3 max-h-64 overflow-auto rounded bg-white p-2 font-mono text-xs text-zinc-800">{model.text}</pre>
        <button type="button" onClick={onSwitchToJsonata} className="mt-2 text-sm font-medium underline">Open the JSONata view</button>
      </div>
    );
  }
  const paths = samplePaths(sample ?? {});
  const rows = model.rows;
  return (
    <div data-testid="visual-mapping">
      {model.prefix.trim() || model.suffix.trim() ? (
        <p className="mb-2 text-xs text-zinc-500">This mapping also sets up variables or comments around its fields; they are kept as they are (see the JSONata view).</p>
      ) : null}
      <RowList
        fields={fields}
        rows={rows}
        open={openFields}
        paths={paths}
        sample={sample}
        payload={payload}
        issues={issues}
        prefix={[]}
        depth={0}
        onChange={(keys, row) => onRows(replaceRow(rows, keys, row, fields.map((f) => f.name)))}
      />
    </div>
  );
}

type RowListProps = {
  fields: ActionField[];
  rows: MappingRow[];
  open: boolean;
  paths: SamplePath[];
  sample: Record<string, unknown> | null;
  payload: unknown;
  issues: Map<string, string>;
  prefix: string[];
  depth: number;
  onChange(keys: string[], row: MappingRow | null): void;
};

function RowList({ fields, rows, open, paths, sample, payload, issues, prefix, depth, onChange }: RowListProps) {
  const names = [...fields.map((f) => f.name), ...rows.map((r) => r.key).filter((k) => !fields.some((f) => f.name === k))];
  return (
    <div>
      {names.map((name) => {
        const field = fields.find((f) => f.name === name) ?? null;
        const row = rows.find((r) => r.key === name) ?? null;
        const keys = [...prefix, name];
        const dotted = keys.join(".");
        const produced = child(payload, name);
        if (row?.kind === "object" || (!row && field?.type === "object" && (field.fields?.length ?? 0) > 0)) {
          return (
            <div key={name} className="border-t border-zinc-100 py-2" style={{ paddingLeft: depth * 16 }} data-field={name}>
              <div className="flex items-center gap-2">
                <span className="font-mono text-[13px] font-medium text-zinc-900">{name}</span>
                {field?.required ? <span className="text-xs font-semibold text-red-600">*</span> : null}
                <span className="text-xs text-zinc-500">object{field?.description ? ` — ${field.description}` : ""}</span>
                {row ? (
                  <button type="button" className="ml-auto text-xs text-zinc-500 hover:text-zinc-900" onClick={() => onChange(keys, { key: name, kind: "expression", text: "{}" })}>Write as JSONata</button>
                ) : null}
              </div>
              <RowList fields={field?.fields ?? []} rows={row?.kind === "object" ? row.rows : []} open={field?.open ?? true} paths={paths} sample={sample} payload={produced} issues={issues} prefix={keys} depth={depth + 1} onChange={onChange} />
            </div>
          );
        }
        if (row?.kind === "each") {
          const itemPaths = paths.filter((p) => p.path.length > row.path.length && row.path.every((s, i) => p.path[i] === s)).map((p) => ({ ...p, path: p.path.slice(row.path.length), depth: p.depth - row.path.length }));
          const itemFields = field?.items?.fields ?? [];
          const firstItem = Array.isArray(produced) ? produced[0] : produced;
          return (
            <div key={name} className="border-t border-zinc-100 py-2" style={{ paddingLeft: depth * 16 }} data-field={name}>
              <div className="flex items-center gap-2 text-sm">
                <span className="font-mono text-[13px] font-medium text-zinc-900">{name}</span>
                <span className="text-xs text-zinc-500">one item for each of</span>
                <span className="rounded bg-zinc-100 px-1.5 font-mono text-xs">{row.path.join(".")}</span>
              </div>
              <RowList
                fields={itemFields}
                rows={row.rows}
                open
                paths={itemPaths}
                sample={sample}
                payload={firstItem}
                issues={issues}
                prefix={keys}
                depth={depth + 1}
                onChange={onChange}
              />
              <AddExtraField onAdd={(key) => onChange([...keys, key], { key, kind: "value", source: { kind: "path", path: [] }, transforms: [] })} label="Add an item field" />
            </div>
          );
        }
        const lists = field?.type === "array" && !row ? listPaths(sample) : [];
        return (
          <div key={name}>
            <MappingRowEditor name={name} field={field} row={row} paths={paths} produced={produced} issue={issues.get(dotted) ?? null} onChange={(next) => onChange(keys, next)} depth={depth} />
            {lists.length > 0 ? (
              <div className="-mt-1 pb-2 text-xs text-zinc-600" style={{ paddingLeft: depth * 16 + 16 }}>
                Map item by item from:{" "}
                {lists.map((list) => (
                  <button key={list.join(".")} type="button" className="mr-2 rounded bg-zinc-100 px-1.5 font-mono hover:bg-zinc-200" onClick={() => onChange(keys, { key: name, kind: "each", path: list, rows: [], keepArray: true })}>
                    {list.join(".")}
                  </button>
                ))}
              </div>
            ) : null}
          </div>
        );
      })}
      {open ? <AddExtraField onAdd={(key) => onChange([...prefix, key], { key, kind: "value", source: { kind: "constant", value: "" }, transforms: [] })} label="Add a field" /> : null}
    </div>
  );
}

function AddExtraField({ onAdd, label }: { onAdd(key: string): void; label: string }) {
  return (
    <form
      className="flex items-center gap-2 border-t border-zinc-100 py-2"
      onSubmit={(e) => {
        e.preventDefault();
        const input = e.currentTarget.elements.namedItem("key") as HTMLInputElement;
        if (input.value.trim()) onAdd(input.value.trim());
        input.value = "";
      }}
    >
      <input name="key" aria-label={label} placeholder={`${label}: name`} className="h-7 w-48 rounded-md border border-dashed border-zinc-300 px-2 font-mono text-xs" />
      <button type="submit" className="text-xs font-medium text-zinc-600 hover:text-zinc-900">Add</button>
    </form>
  );
}
