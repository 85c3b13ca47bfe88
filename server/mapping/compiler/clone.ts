import { fallback } from "./fallback";
import { setProperty } from "./object-keys";
import { isFunctionLike } from "./sequence";

const OMITTED = Symbol("omitted");

/**
 * What JSONata's `$clone` gives, `JSON.parse($string(value))`, built directly instead of through
 * the text: non-integers rounded to 15 significant digits, -0 as 0, NaN as null, missing values
 * dropped from objects and null in lists, functions (and objects flagged as functions) as "".
 * Infinity (JSONata throws D1001), bigints and objects with a `toJSON` method fall back.
 */
export function cloneAsJson(value: unknown): unknown {
  const copy = cloneValue(value);
  return copy === OMITTED ? fallback() : copy;
}

function cloneValue(value: unknown): unknown {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      if (Number.isNaN(value)) return null;
      if (!Number.isFinite(value)) return fallback();
      if (Number.isInteger(value)) return value === 0 ? 0 : value;
      return Number(value.toPrecision(15));
    case "undefined":
    case "symbol":
      return OMITTED;
    case "function":
      return "";
    case "object":
      break;
    default:
      return fallback();
  }
  if (value === null) return null;
  if (isFunctionLike(value)) return "";
  if (typeof (value as { readonly toJSON?: unknown }).toJSON === "function") return fallback();
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (let index = 0; index < value.length; index++) {
      const item = cloneValue(value[index]);
      items.push(item === OMITTED ? null : item);
    }
    return items;
  }
  const record = value as Readonly<Record<string, unknown>>;
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    const item = cloneValue(record[key]);
    if (item !== OMITTED) setProperty(result, key, item);
  }
  return result;
}
