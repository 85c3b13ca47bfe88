"use client";

import type { TriggerBuilder, TriggerCondition, TriggerGroup, TriggerOperator, TriggerValue } from "./trigger-model/types";

const OPERATORS: Array<{ value: TriggerOperator; label: string }> = [
  { value: "=", label: "is" },
  { value: "!=", label: "is not" },
  { value: "contains", label: "contains" },
  { value: "matches", label: "matches pattern" },
  { value: ">", label: ">" },
  { value: ">=", label: "≥" },
  { value: "<", label: "<" },
  { value: "<=", label: "≤" },
];

type ValueKind = "text" | "number" | "true" | "false" | "null";

function kindOf(value: TriggerValue): ValueKind {
  if (value === null) return "null";
  if (value === true) return "true";
  if (value === false) return "false";
  return typeof value === "number" ? "number" : "text";
}

const newCondition = (): TriggerCondition => ({ kind: "condition", field: ["event"], operator: "=", value: "", negated: false });

type Props = { builder: TriggerBuilder; fieldSuggestions: string[]; onChange(builder: TriggerBuilder): void };

/** The trigger built visually: event type, event name and property conditions, joined by and/or, in groups. */
export function TriggerBuilderView({ builder, fieldSuggestions, onChange }: Props) {
  const root: TriggerGroup = builder.kind === "all" ? { kind: "group", join: "and", items: [], negated: false } : builder;
  return (
    <div data-testid="trigger-builder">
      <datalist id="trigger-fields">
        {["type", "event", "name", "userId", "anonymousId", ...fieldSuggestions].map((f) => (
          <option key={f} value={f} />
        ))}
      </datalist>
      {root.items.length === 0 ? <p className="mb-2 text-sm text-zinc-600">Every event (no condition).</p> : null}
      <GroupView group={root} onChange={(group) => onChange(group.items.length === 0 ? { kind: "all" } : group)} depth={0} />
    </div>
  );
}

function GroupView({ group, onChange, onRemove, depth }: { group: TriggerGroup; onChange(group: TriggerGroup): void; onRemove?(): void; depth: number }) {
  const setItem = (index: number, item: TriggerCondition | TriggerGroup | null) =>
    onChange({ ...group, items: item === null ? group.items.filter((_, i) => i !== index) : group.items.map((x, i) => (i === index ? item : x)) });
  return (
    <div className={depth > 0 ? "rounded-md border border-zinc-200 bg-zinc-50/60 p-2" : ""}>
      {group.items.length > 1 || depth > 0 ? (
        <div className="mb-1.5 flex items-center gap-2 text-xs text-zinc-600">
          <label className="flex items-center gap-1">
            Events where
            <select aria-label="Join conditions" value={group.join} onChange={(e) => onChange({ ...group, join: e.target.value as "and" | "or" })} className="h-7 rounded border border-zinc-300 bg-white px-1 text-xs">
              <option value="and">all of these hold (and)</option>
              <option value="or">any of these holds (or)</option>
            </select>
          </label>
          <label className="flex items-center gap-1">
            <input type="checkbox" checked={group.negated} onChange={(e) => onChange({ ...group, negated: e.target.checked })} /> not
          </label>
          {onRemove ? <button type="button" onClick={onRemove} className="ml-auto text-zinc-500 hover:text-red-700">Remove group</button> : null}
        </div>
      ) : null}
      <div className="space-y-1.5">
        {group.items.map((item, index) =>
          item.kind === "group" ? (
            <GroupView key={index} group={item} depth={depth + 1} onChange={(g) => setItem(index, g)} onRemove={() => setItem(index, null)} />
          ) : (
            <ConditionView key={index} condition={item} onChange={(c) => setItem(index, c)} onRemove={() => setItem(index, null)} />
          ),
        )}
      </div>
      <div className="mt-1.5 flex gap-3 text-xs">
        <button type="button" className="font-medium text-zinc-700 hover:text-zinc-900" onClick={() => onChange({ ...group, items: [...group.items, newCondition()] })}>+ Condition</button>
        <button type="button" className="font-medium text-zinc-700 hover:text-zinc-900" onClick={() => onChange({ ...group, items: [...group.items, { kind: "group", join: "or", items: [newCondition()], negated: false }] })}>+ Group</button>
      </div>
    </div>
  );
}

function ConditionView({ condition, onChange, onRemove }: { condition: TriggerCondition; onChange(c: TriggerCondition): void; onRemove(): void }) {
  const kind = kindOf(condition.value);
  const ordering = [">", ">=", "<", "<="].includes(condition.operator);
  return (
    <div className="flex flex-wrap items-center gap-1.5" data-testid="trigger-condition">
      <label className="flex items-center gap-1 text-xs text-zinc-600">
        <input type="checkbox" checked={condition.negated} onChange={(e) => onChange({ ...condition, negated: e.target.checked })} /> not
      </label>
      <input aria-label="Field" list="trigger-fields" value={condition.field.join(".")} onChange={(e) => onChange({ ...condition, field: e.target.value.split(".").filter(Boolean) })} className="h-8 w-48 rounded-md border border-zinc-300 px-2 font-mono text-[13px]" />
      <select aria-label="Operator" value={condition.operator} onChange={(e) => {
        const operator = e.target.value as TriggerOperator;
        const needsNumber = [">", ">=", "<", "<="].includes(operator);
        onChange({ ...condition, operator, value: needsNumber && typeof condition.value !== "number" ? 0 : condition.value });
      }} className="h-8 rounded-md border border-zinc-300 bg-white px-1 text-sm">
        {OPERATORS.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
      {!ordering ? (
        <select aria-label="Value type" value={kind} onChange={(e) => {
          const next = e.target.value as ValueKind;
          const value: TriggerValue = next === "text" ? String(condition.value ?? "") : next === "number" ? Number(condition.value) || 0 : next === "true" ? true : next === "false" ? false : null;
          onChange({ ...condition, value });
        }} className="h-8 rounded-md border border-zinc-300 bg-white px-1 text-xs">
          <option value="text">text</option>
          <option value="number">number</option>
          <option value="true">true</option>
          <option value="false">false</option>
          <option value="null">empty</option>
        </select>
      ) : null}
      {kind === "text" || kind === "number" || ordering ? (
        <input aria-label="Value" value={String(condition.value ?? "")} onChange={(e) => onChange({ ...condition, value: kind === "number" || ordering ? Number(e.target.value) || 0 : e.target.value })} className="h-8 w-44 rounded-md border border-zinc-300 px-2 font-mono text-[13px]" />
      ) : null}
      <button type="button" aria-label="Remove condition" onClick={onRemove} className="px-1 text-zinc-400 hover:text-red-700">×</button>
    </div>
  );
}
