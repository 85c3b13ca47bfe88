import { fallback } from "./fallback";
import { checkString, isFunctionLike, isNumeric } from "./sequence";

/**
 * JSONata's `$string` (also what `&` applies to each side): strings as they are, functions as
 * "", other values as JSON, with non-integers rounded to 15 significant digits first (so
 * 0.1 + 0.2 gives "0.3" and 1e21 gives "1e+21"). NaN and ±Infinity are errors (D3001).
 */
export function castString(value: unknown): string | undefined {
  if (value === undefined || typeof value === "string") return value;
  // a new string, however short: a caller may set maxStringLength to a handful of characters
  return checkString(formatValue(value));
}

function formatValue(value: unknown): string {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) fallback();
    return String(roundNumber(value));
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value === null) return "null";
  if (isFunctionLike(value)) return "";
  return JSON.stringify(value, replaceForJson);
}

function roundNumber(value: number): number {
  return Number.isInteger(value) ? value : Number(value.toPrecision(15));
}

function replaceForJson(_key: string, value: unknown): unknown {
  if (value !== undefined && value !== null && isNumeric(value)) return roundNumber(value);
  return isFunctionLike(value) ? "" : value;
}
