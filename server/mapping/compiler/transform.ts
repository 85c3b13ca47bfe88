import { cloneAsJson } from "./clone";
import { fallback } from "./fallback";
import { countSteps, isFunctionLike } from "./sequence";

/**
 * `value ~> | $ | update, deletions |`: JSONata copies the value with `$clone` (through `$string`
 * and `JSON.parse`, so numbers are rounded as `$string` rounds them); the pattern `$`
 * matches the copy, or each item of a copied list; for each match it evaluates the update and
 * merges it in, then evaluates the deletions and deletes those keys. Returns the copy.
 */
export function transformValue(value: unknown, update: (match: unknown) => unknown, deletions: ((match: unknown) => unknown) | undefined): unknown {
  if (value === undefined) return undefined;
  // JSONata's signature takes objects and lists only; a flagged object would be chained as a function
  if (typeof value !== "object" || value === null || isFunctionLike(value)) return fallback();
  const copy = cloneAsJson(value);
  const matches: readonly unknown[] = Array.isArray(copy) ? copy : [copy];
  countSteps(matches.length);
  for (let index = 0; index < matches.length; index++) {
    const match = matches[index];
    const changes = update(match);
    if (changes !== undefined) merge(match, changes);
    if (deletions !== undefined) remove(match, deletions(match));
  }
  return copy;
}

function merge(match: unknown, changes: unknown): void {
  if (typeof changes !== "object" || changes === null || Array.isArray(changes)) fallback();
  const keys = Object.keys(changes);
  if (keys.length === 0) return;
  // JSONata assigns: onto a primitive that throws, and __proto__ would change the prototype
  if (typeof match !== "object" || match === null || keys.includes("__proto__")) fallback();
  const target = match as Record<string, unknown>;
  const source = changes as Readonly<Record<string, unknown>>;
  for (const key of keys) target[key] = source[key];
}

function remove(match: unknown, keys: unknown): void {
  if (keys === undefined) return;
  const list: readonly unknown[] = Array.isArray(keys) ? keys : [keys];
  if (!list.every((key) => typeof key === "string")) fallback();
  if (typeof match !== "object" || match === null) return;
  const target = match as Record<string, unknown>;
  for (const key of list) if (typeof key === "string") delete target[key];
}
