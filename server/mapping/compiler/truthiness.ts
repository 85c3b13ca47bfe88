import { isFunctionLike, isNumeric } from "./sequence";

/**
 * JSONata's `$boolean`: undefined stays undefined; "" / 0 / null / [] / {} / functions are
 * false; an array is true when any item is.
 */
export function toBoolean(value: unknown): boolean | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) {
    if (value.length === 1) return toBoolean(value[0]);
    return value.length > 1 && value.filter((item) => toBoolean(item)).length > 0;
  }
  if (typeof value === "string") return value.length > 0;
  if (isNumeric(value)) return value !== 0;
  if (typeof value === "object" && value !== null && !isFunctionLike(value)) return Object.keys(value).length > 0;
  return value === true;
}

/** The truth of a condition, `and` / `or` operand or filter predicate. */
export function isTruthy(value: unknown): boolean {
  return toBoolean(value) === true;
}
