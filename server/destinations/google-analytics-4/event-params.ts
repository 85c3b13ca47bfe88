import { isRecord } from "../is-record";

/** GA4 keeps 25 parameters an event; text values are cut at 100 characters. */
export const MAX_PARAMS = 25;
const MAX_VALUE_LENGTH = 100;

/**
 * Parameters as GA4 takes them: text and numbers (text cut to 100 characters), true/false as
 * text, `items` as a list of objects; other objects, lists and nulls are left out. Then the
 * first 25, in the mapping's order.
 */
export function ga4Params(params: Record<string, unknown>): Record<string, unknown> {
  const kept: Array<[string, unknown]> = [];
  for (const [key, value] of Object.entries(params)) {
    const param = key === "items" ? items(value) : scalar(value);
    if (param !== undefined) kept.push([key, param]);
    if (kept.length === MAX_PARAMS) break;
  }
  return Object.fromEntries(kept);
}

function scalar(value: unknown): string | number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "boolean") return String(value);
  if (typeof value === "string") return value.slice(0, MAX_VALUE_LENGTH);
  return undefined;
}

function items(value: unknown): unknown[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter(isRecord).map((item) => {
    const flat = Object.entries(item).flatMap(([key, field]) => {
      const kept = scalar(field);
      return kept === undefined ? [] : [[key, kept] as const];
    });
    return Object.fromEntries(flat);
  });
}
