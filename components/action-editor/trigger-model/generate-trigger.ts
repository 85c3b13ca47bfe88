import type { TriggerBuilder, TriggerCondition, TriggerGroup, TriggerValue } from "./types";

const KEY = /^[A-Za-z0-9_$-]+$/;

/** A field as the subscription language writes it: `properties."order id"` for keys that need quotes. */
export function fieldText(field: readonly string[]): string {
  return field.map((step, i) => (i === 0 || KEY.test(step) ? step : JSON.stringify(step))).join(".");
}

function valueText(value: TriggerValue): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

function conditionText(condition: TriggerCondition): string {
  const field = fieldText(condition.field);
  const text =
    condition.operator === "contains"
      ? `contains(${field}, ${valueText(condition.value)})`
      : condition.operator === "matches"
        ? `match(${field}, ${valueText(condition.value)})`
        : `${field} ${condition.operator} ${valueText(condition.value)}`;
  return condition.negated ? `not ${text}` : text;
}

function groupText(group: TriggerGroup, nested: boolean): string {
  const parts = group.items.map((item) => (item.kind === "condition" ? conditionText(item) : groupText(item, true)));
  const joined = parts.join(` ${group.join} `);
  if (group.negated) return `not (${joined})`;
  return nested && parts.length > 1 ? `(${joined})` : joined;
}

/** The builder's trigger in the subscription language; an empty group is `all`. */
export function generateTrigger(builder: TriggerBuilder): string {
  if (builder.kind === "all" || builder.items.length === 0) return "all";
  return groupText(builder, false);
}
