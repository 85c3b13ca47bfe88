import { MappingEvaluationError, MappingLimitError } from "./errors";
import { formatPath } from "./field-path";
import { isJsonataFunction } from "./jsonata-adapter";
import type { JsonObject, JsonValue } from "./json-value";

/**
 * A JSONata result as plain JSON, in one pass and without a JSON round trip: drops `undefined`
 * (in objects and arrays), the `sequence` / `keepSingleton` flags JSONata puts on arrays, and
 * the null prototype of objects it builds. Only the objects and arrays that change (or hold
 * one that does) are copied; the others are kept as they are, which is most of a payload,
 * since mappings mostly pass parts of the event through. Frozen values (the compiled
 * mappings' shared constants) are always copied, so a payload never holds one.
 * Throws `MappingEvaluationError` for values JSON cannot carry (functions, NaN, Infinity) and
 * `MappingLimitError` beyond `maxDepth` levels of nesting.
 *
 * The result may share unchanged parts with the event the mapping read: payloads and events
 * are never changed once made (see destinations/json-text.ts), so neither can alter the other.
 */
export function toPlainJson(value: unknown, maxDepth: number): JsonValue | undefined {
  try {
    return plain(value, 0, maxDepth);
  } catch (error) {
    if (!(error instanceof NotJson)) throw error;
    const at = error.path.length === 0 ? "" : ` at ${formatPath(error.path)}`;
    if (error.what === TOO_DEEP) {
      throw new MappingLimitError("MAPPING_DEPTH", `The mapping produced a payload nested deeper than ${maxDepth} levels${at}.`, undefined);
    }
    throw new MappingEvaluationError(
      `The mapping produced ${error.what}${at}; a payload can only hold text, numbers, true/false, null, lists and objects.`,
      undefined,
      undefined,
    );
  }
}

const TOO_DEEP = "too deep";

/** Flags JSONata sets on the arrays it builds; JSON has no place for them. */
const ARRAY_FLAGS = ["sequence", "keepSingleton", "keepArray", "outerWrapper", "tupleStream", "cons"] as const;

class NotJson extends Error {
  readonly path: PropertyKey[] = [];
  constructor(readonly what: string) {
    super(what);
  }
}

/** `value` as plain JSON: itself when it already is, otherwise a copy sharing the parts that are. */
function plain(value: unknown, depth: number, maxDepth: number): JsonValue | undefined {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      if (Number.isFinite(value)) return value;
      throw new NotJson(`the number ${value}`);
    case "undefined":
      return undefined;
    case "object":
      break;
    case "function":
      throw new NotJson("a function");
    default:
      throw new NotJson(`a value of type ${typeof value}`);
  }
  if (value === null) return null;
  if (isJsonataFunction(value)) throw new NotJson("a function");
  if (depth >= maxDepth) throw new NotJson(TOO_DEEP);
  if (Array.isArray(value)) return plainArray(value, depth, maxDepth);
  return plainObject(value, depth, maxDepth);
}

function plainArray(value: unknown[], depth: number, maxDepth: number): JsonValue[] {
  const keepable = Object.getPrototypeOf(value) === Array.prototype && !Object.isFrozen(value) && !ARRAY_FLAGS.some((flag) => Object.hasOwn(value, flag));
  // undefined while every item so far is kept as it is
  let items: JsonValue[] | undefined = keepable ? undefined : [];
  for (let index = 0; index < value.length; index++) {
    const item: unknown = value[index];
    const result = plainChild(item, index, depth, maxDepth);
    if (items === undefined) {
      if (result === item && result !== undefined) continue;
      items = value.slice(0, index) as JsonValue[];
    }
    if (result !== undefined) items.push(result);
  }
  return items ?? (value as JsonValue[]);
}

function plainObject(value: object, depth: number, maxDepth: number): JsonObject {
  if (Object.getPrototypeOf(value) !== Object.prototype || Object.isFrozen(value)) {
    const record: JsonObject = {};
    for (const key of Object.keys(value)) setField(record, key, plainChild(Reflect.get(value, key), key, depth, maxDepth));
    return record;
  }
  const fields = value as Record<string, unknown>;
  // undefined while every field so far is kept as it is
  let record: JsonObject | undefined;
  const keys = Object.keys(fields);
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index]!;
    const field = fields[key];
    const result = plainChild(field, key, depth, maxDepth);
    if (record === undefined && (result !== field || result === undefined)) record = firstFields(fields, keys, index);
    if (record !== undefined) setField(record, key, result);
  }
  return record ?? (fields as JsonObject);
}

/** A copy of the first `count` own fields of an object whose fields are all plain JSON. */
function firstFields(fields: Record<string, unknown>, keys: readonly string[], count: number): JsonObject {
  const record: JsonObject = {};
  for (let index = 0; index < count; index++) setField(record, keys[index]!, fields[keys[index]!] as JsonValue);
  return record;
}

function setField(record: JsonObject, key: string, value: JsonValue | undefined): void {
  if (value === undefined) return;
  if (key === "__proto__") {
    // a plain assignment would set the prototype instead of adding the field
    Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    record[key] = value;
  }
}

function plainChild(value: unknown, key: PropertyKey, depth: number, maxDepth: number): JsonValue | undefined {
  try {
    return plain(value, depth + 1, maxDepth);
  } catch (error) {
    if (error instanceof NotJson) error.path.unshift(key);
    throw error;
  }
}
