import { append, booleanOf, count, distinct, exists, keys, lookupKey, merge, not, typeOf } from "./functions-data";
import { abs, average, ceil, floor, max, min, round, sum, toNumber } from "./functions-number";
import { contains, join, length, lowercase, replace, split, stringOf, substring, substringAfter, substringBefore, trim, uppercase } from "./functions-string";
import { sha256 } from "./functions-hash";
import { fromMillis, millis, now, toMillis } from "./functions-time";

/**
 * Every name JSONata binds to a function before an evaluation starts (its standard library plus
 * `$now`, `$millis`, the `$pad` that `jsonata-adapter.ts` replaces and the `$sha256` it adds). A mapping that rebinds
 * one of these, or uses one as a value, is left to the interpreter.
 */
export const JSONATA_FUNCTION_NAMES: ReadonlySet<string> = new Set([
  "sum", "count", "max", "min", "average", "string", "substring", "substringBefore", "substringAfter",
  "lowercase", "uppercase", "length", "trim", "pad", "match", "contains", "replace", "split", "join",
  "formatNumber", "formatBase", "formatInteger", "parseInteger", "number", "floor", "ceil", "round",
  "abs", "sqrt", "power", "random", "boolean", "not", "map", "zip", "filter", "single", "reduce",
  "sift", "keys", "lookup", "append", "exists", "spread", "merge", "reverse", "each", "error",
  "assert", "type", "sort", "shuffle", "distinct", "base64encode", "base64decode",
  "encodeUrlComponent", "encodeUrl", "decodeUrlComponent", "decodeUrl", "eval", "toMillis",
  "fromMillis", "clone", "now", "millis", "sha256",
]);

/**
 * A compiled JSONata function. Implementations check every string they could make longer than
 * their input (`checkString`), so generated code need not check their results again.
 */
export interface Builtin {
  /** Argument counts compiled; other counts (context arguments, pictures, options) fall back. */
  readonly minArguments: number;
  readonly maxArguments: number;
  readonly implementation: (...args: unknown[]) => unknown;
  /** Whether the result can be a sequence, which collapses as the call returns. */
  readonly returnsSequence: boolean;
  /** `$now()` / `$millis()` read the evaluation's clock. */
  readonly readsClock: boolean;
}

function builtin(implementation: (...args: unknown[]) => unknown, minArguments: number, maxArguments = minArguments, returnsSequence = false): Builtin {
  return { implementation, minArguments, maxArguments, returnsSequence, readsClock: implementation === now || implementation === millis };
}

/** The functions compiled, by name. */
export const BUILTINS: ReadonlyMap<string, Builtin> = new Map([
  ["string", builtin(stringOf, 1)],
  ["number", builtin(toNumber, 1)],
  ["boolean", builtin(booleanOf, 1)],
  ["not", builtin(not, 1)],
  ["exists", builtin(exists, 1)],
  ["count", builtin(count, 1)],
  ["length", builtin(length, 1)],
  ["lowercase", builtin(lowercase, 1)],
  ["uppercase", builtin(uppercase, 1)],
  ["trim", builtin(trim, 1)],
  ["substring", builtin(substring, 2, 3)],
  ["substringBefore", builtin(substringBefore, 2)],
  ["substringAfter", builtin(substringAfter, 2)],
  ["contains", builtin(contains, 2)],
  ["join", builtin(join, 1, 2)],
  ["split", builtin(split, 2, 3)],
  ["replace", builtin(replace, 3, 4)],
  ["merge", builtin(merge, 1)],
  ["keys", builtin(keys, 1, 1, true)],
  ["lookup", builtin(lookupKey, 2, 2, true)],
  ["toMillis", builtin(toMillis, 1)],
  ["fromMillis", builtin(fromMillis, 1)],
  ["millis", builtin(millis, 0)],
  ["now", builtin(now, 0)],
  ["round", builtin(round, 1, 2)],
  ["floor", builtin(floor, 1)],
  ["ceil", builtin(ceil, 1)],
  ["abs", builtin(abs, 1)],
  ["sum", builtin(sum, 1)],
  ["max", builtin(max, 1)],
  ["min", builtin(min, 1)],
  ["average", builtin(average, 1)],
  ["type", builtin(typeOf, 1)],
  ["append", builtin(append, 2, 2, true)],
  ["distinct", builtin(distinct, 1, 1, true)],
  ["sha256", builtin(sha256, 1)],
]);
