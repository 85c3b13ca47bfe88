import { MappingEvaluationError, MappingLimitError } from "./errors";
import { formatPath } from "./field-path";
import { isJsonataFunction } from "./jsonata-adapter";
import type { JsonObject, JsonValue } from "./json-value";

/**
 * Copies a JSONata result into plain JSON, in one pass and without a JSON round trip:
 * drops `undefined` (in objects and arrays), the `sequence` / `keepSingleton` flags JSONata puts
 * on arrays, and the null prototype of objects it builds; never aliases the input event.
 * Throws `MappingEvaluationError` for values JSON cannot carry (functions, NaN, Infinity) and
 * `MappingLimitError` beyond `maxDepth` levels of nesting.
 */
export function toPlainJson(value: unknown, maxDepth: number): JsonValue | undefined {
  try {
    return copy(value, 0, maxDepth);
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

class NotJson extends Error {
  readonly path: PropertyKey[] = [];
  constructor(readonly what: string) {
    super(what);
  }
}

function copy(value: unknown, depth: number, maxDepth: number): JsonValue | undefined {
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

  if (Array.isArray(value)) {
    const items: JsonValue[] = [];
    for (let index = 0; index < value.length; index++) {
      const item = copyChild(value[index], index, depth, maxDepth);
      if (item !== undefined) items.push(item);
    }
    return items;
  }

  const record: JsonObject = {};
  for (const key of Object.keys(value)) {
    const item = copyChild(Reflect.get(value, key), key, depth, maxDepth);
    if (item === undefined) continue;
    if (key === "__proto__") {
      // a plain assignment would set the prototype instead of adding the field
      Object.defineProperty(record, key, { value: item, enumerable: true, writable: true, configurable: true });
    } else {
      record[key] = item;
    }
  }
  return record;
}

function copyChild(value: unknown, key: PropertyKey, depth: number, maxDepth: number): JsonValue | undefined {
  try {
    return copy(value, depth + 1, maxDepth);
  } catch (error) {
    if (error instanceof NotJson) error.path.unshift(key);
    throw error;
  }
}
