import type { ZodType } from "zod";
import type * as core from "zod/v4/core";

/** What `validateQuickly` answers when it cannot show the payload valid: zod then judges it. */
export const NOT_SHOWN_VALID: unique symbol = Symbol("not shown valid");

type Check = (value: unknown) => unknown;
type Schema = core.$ZodType;

/** The context zod's own `safeParse` runs schemas in; messages are zod's to make on the slow path. */
const SYNC = { async: false } as core.ParseContextInternal;

const checks = new WeakMap<Schema, Check>();

/**
 * Zod's output for a payload that satisfies `schema`, or `NOT_SHOWN_VALID`. Made for the
 * runner's path, where nearly every payload is valid: zod copies every object it checks,
 * field by field, with a result object per field, which for a payload that keeps the event's
 * properties (Mixpanel's does) cost about as much as evaluating the mapping. Here, objects and
 * lists are walked directly, following zod's rules for present, absent and optional fields
 * and for unknown keys, and so are records of any value under text keys; every other schema
 * (text, numbers, formats, refinements, defaults, other records, unions...) runs as zod runs
 * it. A payload that fails any of them gets `NOT_SHOWN_VALID`, never a message:
 * `validatePayload` then runs zod in full, so the issues are zod's own.
 */
export function validateQuickly(schema: ZodType, payload: unknown): unknown {
  return checkOf(schema)(payload);
}

function checkOf(schema: Schema): Check {
  let check = checks.get(schema);
  if (!check) {
    check = buildCheck(schema);
    checks.set(schema, check);
  }
  return check;
}

function buildCheck(schema: Schema): Check {
  const zod = schema._zod;
  // a schema with checks runs as zod runs it
  const plainNode = runsNoChecks(schema);
  if (plainNode && zod.traits.has("$ZodObject")) return objectCheck(schema as core.$ZodObject);
  if (plainNode && zod.traits.has("$ZodArray")) return arrayCheck(schema as core.$ZodArray);
  if (plainNode && zod.traits.has("$ZodOptional") && !zod.traits.has("$ZodExactOptional")) return optionalCheck(schema as core.$ZodOptional);
  if (plainNode && zod.traits.has("$ZodNullable")) return nullableCheck(schema as core.$ZodNullable);
  if (plainNode && zod.traits.has("$ZodRecord") && holdsAnything(schema as core.$ZodRecord)) return anyRecordCheck(schema as core.$ZodRecord);
  return (value) => runAsZod(schema, value);
}

/** Whether zod runs nothing on the schema but its own parse: no checks, and not a check itself (string formats are). */
function runsNoChecks(schema: Schema): boolean {
  return !schema._zod.traits.has("$ZodCheck") && (schema._zod.def.checks ?? []).length === 0;
}

function runAsZod(schema: Schema, value: unknown): unknown {
  try {
    const result = schema._zod.run({ value, issues: [] }, SYNC);
    if (result instanceof Promise || result.issues.length > 0) return NOT_SHOWN_VALID;
    return result.value;
  } catch {
    return NOT_SHOWN_VALID;
  }
}

type Field = { key: string; check: Check; optionalIn: boolean; optionalOut: boolean; defaulted: boolean };

/**
 * Zod's object parse on a valid input: the declared fields in their order (an absent optional
 * field stays absent; a default fills in), then, by the object's mode, unknown keys dropped
 * (`z.object`), kept as they are (`z.looseObject`), refused (`z.strictObject`) or checked
 * (`.catchall(schema)`).
 */
function objectCheck(schema: core.$ZodObject): Check {
  const def = schema._zod.def;
  const shape = def.shape as Record<PropertyKey, Schema>;
  if (Object.getOwnPropertySymbols(shape).length > 0) return (value) => runAsZod(schema, value);
  const keys = Object.keys(shape);
  const declared = new Set(keys);
  let fields: Field[] | undefined;
  // built on first use: a schema may refer to itself through a getter
  const fieldsOf = () =>
    (fields ??= keys
      .filter((key) => key !== "__proto__")
      .map((key) => {
        const field = shape[key]!._zod;
        return { key, check: checkOf(shape[key]!), optionalIn: field.optin !== undefined, optionalOut: field.optout === "optional", defaulted: field.optin === "defaulted" };
      }));
  const catchallType = def.catchall?._zod.def.type;
  const keepsUnknown = def.catchall !== undefined && (catchallType === "unknown" || catchallType === "any") && runsNoChecks(def.catchall);
  const catchall = def.catchall && !keepsUnknown && catchallType !== "never" ? def.catchall : undefined;
  let catchallCheck: Check | undefined;

  return (input) => {
    if (typeof input !== "object" || input === null || Array.isArray(input)) return NOT_SHOWN_VALID;
    const record = input as Record<string, unknown>;
    const output: Record<string, unknown> = {};
    for (const { key, check, optionalIn, optionalOut, defaulted } of fieldsOf()) {
      const present = key in record;
      const value = check(record[key]);
      if (value === NOT_SHOWN_VALID) {
        // zod ignores an optional field's issues when the field is absent
        if (optionalIn && optionalOut && !present) continue;
        return NOT_SHOWN_VALID;
      }
      if (optionalIn && optionalOut) {
        if (defaulted ? value !== undefined || present : present) output[key] = value;
      } else if (!optionalIn) {
        if (!present) return NOT_SHOWN_VALID;
        output[key] = value;
      } else if (defaulted || value !== undefined || present) {
        output[key] = value;
      }
    }
    if (def.catchall === undefined) return output;
    for (const key in record) {
      if (declared.has(key)) continue;
      if (catchallType === "never") return NOT_SHOWN_VALID;
      if (key === "__proto__") continue;
      const value = catchall ? (catchallCheck ??= checkOf(catchall))(record[key]) : record[key];
      if (value === NOT_SHOWN_VALID) return NOT_SHOWN_VALID;
      output[key] = value;
    }
    return output;
  };
}

/** Zod's array parse on a valid input: a new list of the items' outputs. */
function arrayCheck(schema: core.$ZodArray): Check {
  const element = schema._zod.def.element;
  let elementCheck: Check | undefined;
  return (input) => {
    if (!Array.isArray(input)) return NOT_SHOWN_VALID;
    const check = (elementCheck ??= checkOf(element));
    const output: unknown[] = new Array(input.length);
    for (let index = 0; index < input.length; index++) {
      const value = check(input[index]);
      if (value === NOT_SHOWN_VALID) return NOT_SHOWN_VALID;
      output[index] = value;
    }
    return output;
  };
}

/** `z.record(z.string(), z.unknown())`: any text key, any value; the catalog's usual "properties". */
function holdsAnything(schema: core.$ZodRecord): boolean {
  const { keyType, valueType } = schema._zod.def;
  const plain = (type: Schema) => runsNoChecks(type) && !(type._zod.def as { coerce?: boolean }).coerce;
  return keyType._zod.def.type === "string" && plain(keyType) && (valueType._zod.def.type === "unknown" || valueType._zod.def.type === "any") && plain(valueType);
}

/**
 * Zod's parse of such a record on a plain object: a copy of its own enumerable text keys but
 * `__proto__`, values as they are. Anything else (symbol keys, which the text key schema
 * refuses; another prototype) runs as zod runs it.
 */
function anyRecordCheck(schema: core.$ZodRecord): Check {
  return (input) => {
    if (typeof input !== "object" || input === null || Object.getPrototypeOf(input) !== Object.prototype || Object.getOwnPropertySymbols(input).length > 0) {
      return runAsZod(schema, input);
    }
    const record = input as Record<string, unknown>;
    const output: Record<string, unknown> = {};
    for (const key of Object.keys(record)) if (key !== "__proto__") output[key] = record[key];
    return output;
  };
}

function optionalCheck(schema: core.$ZodOptional): Check {
  const inner = schema._zod.def.innerType;
  // a default inside substitutes for absence: zod's own rules then apply
  if (inner._zod.optin === "defaulted") return (value) => runAsZod(schema, value);
  let check: Check | undefined;
  return (value) => (value === undefined ? undefined : (check ??= checkOf(inner))(value));
}

function nullableCheck(schema: core.$ZodNullable): Check {
  const inner = schema._zod.def.innerType;
  let check: Check | undefined;
  return (value) => (value === null ? null : (check ??= checkOf(inner))(value));
}
