import { evaluationState } from "./evaluation-state";
import { fallback } from "./fallback";

/**
 * JSONata's value model, mirrored so compiled code and interpreter agree on every corner:
 * a *sequence* is an array flagged `sequence: true` (results of paths, filters, lookups); it
 * collapses when a step ends (empty → undefined, one item → the item unless `keepSingleton`).
 * Arrays from the event or from `[...]` are plain arrays and never collapse; `cons` marks an
 * array constructor used as a path step, which path flattening leaves whole.
 */
export type Sequence = unknown[] & { sequence?: true; keepSingleton?: boolean };

export function isSequence(value: unknown): value is Sequence {
  return Array.isArray(value) && "sequence" in value && value.sequence === true;
}

export function newSequence(): Sequence {
  const sequence: Sequence = [];
  sequence.sequence = true;
  return sequence;
}

/** JSONata's `createSequence(value)`: a one-item sequence, even when the item is undefined. */
export function sequenceOf(value: unknown): Sequence {
  const sequence = newSequence();
  sequence.push(value);
  return sequence;
}

/** Adds to a sequence under the `maxSequenceLength` limit (JSONata throws D2015 beyond it). */
export function pushItem(sequence: unknown[], value: unknown): void {
  if (sequence.length >= evaluationState.maxSequenceLength) fallback();
  sequence.push(value);
}

/** What JSONata does to every step's result on the way out (`keepArray` is the `[]` suffix). */
export function collapse(value: unknown, keepArray: boolean): unknown {
  if (!isSequence(value)) return value;
  if (keepArray) value.keepSingleton = true;
  if (value.length === 0) return undefined;
  if (value.length === 1 && value.keepSingleton !== true) return value[0];
  return value;
}

export function isConsArray(value: unknown[]): boolean {
  return "cons" in value && value.cons === true;
}

/** Marks an array built by a constructor used as a path step, as JSONata does (non-enumerable). */
export function markCons(value: unknown[]): unknown[] {
  Object.defineProperty(value, "cons", { enumerable: false, configurable: false, value: true });
  return value;
}

/**
 * JSONata's `isFunction`: its own functions are objects flagged `_jsonata_function` /
 * `_jsonata_lambda`, so an event object carrying such a key is treated as a function too.
 */
export function isFunctionLike(value: unknown): boolean {
  if (typeof value === "function") return true;
  if (typeof value !== "object" || value === null) return false;
  const flagged = value as { readonly _jsonata_function?: unknown; readonly _jsonata_lambda?: unknown };
  return flagged._jsonata_function === true || flagged._jsonata_lambda === true;
}

/**
 * A function argument. JSONata wraps an argument it takes for a function (an object flagged as
 * one, see `isFunctionLike`) in a closure, which fails or changes what the function sees.
 */
export function checkArgument<T>(value: T): T {
  if (typeof value === "object" && value !== null && isFunctionLike(value)) fallback();
  return value;
}

/**
 * Counts items visited by a loop over a list. The compiled code has no recursion and loops only
 * over lists, but loops nested through path steps and predicates can still multiply; past the
 * budget the evaluation goes to the interpreter, which stops it at its time limit.
 */
export function countSteps(items: number): void {
  evaluationState.stepsLeft -= items;
  if (evaluationState.stepsLeft < 0) fallback();
}

/** Every step result passes here: a string over `maxStringLength` ends the compiled run. */
export function checkString<T>(value: T): T {
  if (typeof value === "string" && value.length > evaluationState.maxStringLength) fallback();
  return value;
}

/** A finite number, as JSONata's `isNumeric` decides; it throws (D1001) for ±Infinity. */
export function isNumeric(value: unknown): value is number {
  if (typeof value !== "number" || Number.isNaN(value)) return false;
  if (!Number.isFinite(value)) fallback();
  return true;
}
