import { evaluationState } from "./evaluation-state";
import { fallback } from "./fallback";
import { markCons } from "./sequence";

/**
 * `[a, b, ...]`: missing values are skipped, arrays (and sequences) are spliced in one level,
 * except items that are themselves array constructors (`nested`), which stay whole.
 */
export function arrayOf(values: readonly unknown[], nested: readonly boolean[], cons: boolean): unknown[] {
  const result: unknown[] = [];
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (value === undefined) continue;
    if (nested[index] === true) {
      result.push(value);
      continue;
    }
    const added: readonly unknown[] = Array.isArray(value) ? value : [value];
    if (result.length + added.length > evaluationState.maxSequenceLength) fallback();
    added.forEach((item) => result.push(item));
  }
  return cons ? markCons(result) : result;
}

/**
 * A computed key of an object constructor: a string, not one of JSONata's internal flags, and
 * not produced twice (JSONata throws T1003, D1013 and D1009 for these).
 */
export function checkKey(seen: Set<string>, key: unknown): string {
  if (typeof key !== "string" || key === "_jsonata_lambda" || key === "_jsonata_function" || seen.has(key)) return fallback();
  seen.add(key);
  return key;
}
