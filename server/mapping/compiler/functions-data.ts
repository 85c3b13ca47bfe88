import { deepEqual } from "./deep-equal";
import { evaluationState } from "./evaluation-state";
import { fallback } from "./fallback";
import { lookup } from "./lookup";
import { setProperty } from "./object-keys";
import { checkString, isFunctionLike, isNumeric, isSequence, newSequence, pushItem, sequenceOf } from "./sequence";
import type { Sequence } from "./sequence";
import { toBoolean } from "./truthiness";

/**
 * JSONata's functions on lists, objects and types, for the argument types their signatures
 * accept one-to-one; anything else falls back to the interpreter.
 */

export function count(value: unknown): number {
  if (value === undefined) return 0;
  return Array.isArray(value) ? value.length : 1;
}

export function exists(value: unknown): boolean {
  return value !== undefined;
}

export function booleanOf(value: unknown): boolean | undefined {
  return toBoolean(value);
}

export function not(value: unknown): boolean | undefined {
  return value === undefined ? undefined : !toBoolean(value);
}

/** `$keys`: an object's own keys; for a list, the keys of all its objects, each once. */
export function keys(value: unknown): Sequence {
  if (Array.isArray(value)) {
    const merged: Record<string, true> = Object.create(null) as Record<string, true>;
    for (const item of value) {
      for (const key of keys(item)) merged[String(key)] = true;
    }
    return keys(merged);
  }
  const result = newSequence();
  if (typeof value === "object" && value !== null && !isFunctionLike(value)) {
    for (const key of Object.keys(value)) pushItem(result, key);
  }
  return result;
}

/**
 * `$lookup(object, key)`: the field lookup of a path step, with the key given as a string. A
 * missing key is looked up as "undefined", as JavaScript converts it.
 */
export function lookupKey(value: unknown, key: unknown): unknown {
  if (key === undefined) return lookup(value, "undefined");
  if (typeof key !== "string") fallback();
  return lookup(value, key);
}

/** `$append`: both sides as lists, joined; a missing side leaves the other as it is. */
export function append(left: unknown, right: unknown): unknown {
  if (left === undefined) return right;
  if (right === undefined) return left;
  const first: unknown[] = Array.isArray(left) ? left : sequenceOf(left);
  const second: unknown[] = Array.isArray(right) ? right : [right];
  if (first.length + second.length > evaluationState.maxSequenceLength) fallback();
  return first.concat(second);
}

/** `$merge`: the objects' properties into one object, later ones winning. */
export function merge(value: unknown): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  const objects: readonly unknown[] = Array.isArray(value) ? value : [value];
  if (!objects.every(isPlainObject)) return fallback();
  const result: Record<string, unknown> = {};
  for (const object of objects) {
    const record = object as Readonly<Record<string, unknown>>;
    // Object.assign copies in one native step, but would set the prototype for a `__proto__`
    // field (the objects hold text keys only: they come from JSON or from the mapping)
    if (Object.hasOwn(record, "__proto__")) {
      for (const key of Object.keys(record)) setProperty(result, key, record[key]);
    } else {
      Object.assign(result, record);
    }
  }
  return result;
}

function isPlainObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !isFunctionLike(value);
}

export function typeOf(value: unknown): string | undefined {
  return checkString(typeName(value));
}

function typeName(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (value === null) return "null";
  if (isNumeric(value)) return "number";
  if (typeof value === "string") return "string";
  if (typeof value === "boolean") return "boolean";
  if (Array.isArray(value)) return "array";
  if (isFunctionLike(value)) return "function";
  return "object";
}

/** `$distinct`: items without repeats (JSONata equality); a sequence stays a sequence. */
export function distinct(value: unknown): unknown {
  if (!Array.isArray(value) || value.length <= 1) return value;
  const results: unknown[] = isSequence(value) ? newSequence() : [];
  for (const item of value) {
    if (!results.some((kept) => deepEqual(item, kept))) pushItem(results, item);
  }
  return results;
}
