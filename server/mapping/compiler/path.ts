import { fallback } from "./fallback";
import type { Filter } from "./filter";
import { applyFilter } from "./filter";
import { lookup } from "./lookup";
import { checkString, collapse, countSteps, isConsArray, isFunctionLike, isSequence, newSequence, pushItem, sequenceOf } from "./sequence";

/**
 * A path step: a field name, or compiled code evaluated with each item as context (it returns
 * the step's value already collapsed, as JSONata's `evaluate` does).
 */
export type Step = string | ((item: unknown) => unknown);

/** The sequence a path starts from: the context, or the context as one item when the path starts with a variable. */
export function pathStart(context: unknown, startsWithVariable: boolean): unknown[] {
  return Array.isArray(context) && !startsWithVariable ? context : sequenceOf(context);
}

/**
 * One step over every item of `input` (JSONata's `evaluateStep`): results flattened one level,
 * except that a last step yielding exactly one plain array returns that array as it is.
 */
export function pathStep(input: readonly unknown[], step: Step, keepArray: boolean, filters: readonly Filter[] | undefined, lastStep: boolean): unknown[] {
  countSteps(input.length);
  const results = newSequence();
  for (let index = 0; index < input.length; index++) {
    const item = input[index];
    let value = typeof step === "string" ? collapse(lookup(item, step), keepArray) : step(item);
    if (filters !== undefined) for (const filter of filters) value = applyFilter(value, filter);
    if (value !== undefined) pushItem(results, value);
  }
  const only = results[0];
  if (lastStep && results.length === 1 && Array.isArray(only) && !isSequence(only)) return only;
  const flattened = newSequence();
  for (const value of results) {
    if (!Array.isArray(value) || isConsArray(value)) {
      pushItem(flattened, value);
    } else {
      value.forEach((item) => pushItem(flattened, item));
    }
  }
  return flattened;
}

/** A first step that is an array constructor sees the whole input sequence as its context. */
export function pathConsStep(input: readonly unknown[], step: (items: unknown) => unknown): unknown {
  const value = step(input);
  // JSONata would then treat whatever came back as a sequence; only arrays make sense
  if (value !== undefined && !Array.isArray(value)) fallback();
  return value;
}

/** Whether the path stops after this step's result (JSONata breaks on an empty sequence). */
export function pathStops(result: unknown): boolean {
  return result === undefined || (Array.isArray(result) && result.length === 0);
}

/** The end of a path: `keepSingletonArray` is set when any step carries `[]`. */
export function pathEnd(result: unknown, keepSingletonArray: boolean): unknown {
  if (!keepSingletonArray) return result;
  if (!Array.isArray(result)) fallback();
  if (isConsArray(result) && !isSequence(result)) {
    const wrapped = sequenceOf(result);
    wrapped.keepSingleton = true;
    return wrapped;
  }
  // JSONata also flags plain arrays here, which changes nothing: only sequences collapse
  if (isSequence(result)) result.keepSingleton = true;
  return result;
}

/**
 * The common path `a.b.c` (field names only, no predicates, no `[]`): walks objects directly and
 * hands anything involving arrays to the general algorithm, which gives the same result.
 */
export function namePath(context: unknown, keys: readonly string[]): unknown {
  let value = context;
  // indexed: an iterator here allocated on every field read of every evaluation
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index]!;
    if (typeof value !== "object" || value === null) return undefined;
    if (Array.isArray(value) || !Object.hasOwn(value, key) || isFunctionLike(value)) {
      return Array.isArray(value) ? generalNamePath(context, keys) : undefined;
    }
    value = checkString((value as Readonly<Record<string, unknown>>)[key]);
  }
  return isSequence(value) ? generalNamePath(context, keys) : value;
}

function generalNamePath(context: unknown, keys: readonly string[]): unknown {
  let sequence: unknown[] = pathStart(context, false);
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index];
    if (key === undefined) break;
    sequence = pathStep(sequence, key, false, undefined, index === keys.length - 1);
    if (sequence.length === 0) break;
  }
  return collapse(sequence, false);
}
