import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { z, type ZodType } from "zod";
import { destinationCatalog } from "../destinations/catalog";
import { compileMapping } from "./compile";
import { evaluateMapping } from "./evaluate";
import { NOT_SHOWN_VALID, validateQuickly } from "./quick-validation";
import { validatePayload } from "./validate-payload";

/** A value's JSON with `undefined` fields kept, so that field order and presence are compared too. */
function shown(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (item === undefined ? "<undefined>" : item)) ?? "<undefined>";
}

/** The quick path answers exactly as zod does: the same output for a valid payload, none for an invalid one. */
function expectSameAsZod(schema: ZodType, payload: unknown): void {
  const zod = schema.safeParse(payload);
  const quick = validateQuickly(schema, payload);
  if (zod.success) expect(shown(quick), shown(payload)).toBe(shown(zod.data));
  else expect(quick, `zod refuses ${shown(payload)}`).toBe(NOT_SHOWN_VALID);
}

const REPLACEMENTS: readonly unknown[] = [undefined, null, "", "x", 0, -1, 1.5, 2 ** 53, true, [], {}, [1], { a: 1 }];

/** The payload with one field removed, replaced or added, for every field up to three levels down. */
function* variants(payload: unknown, depth = 0): Generator<unknown> {
  if (typeof payload !== "object" || payload === null || depth > 2) return;
  if (!Array.isArray(payload)) yield { ...structuredClone(payload), "an unknown key": 1 };
  const keys = Array.isArray(payload) ? payload.map((_, index) => index) : Object.keys(payload);
  for (const key of keys) {
    const without = structuredClone(payload) as Record<PropertyKey, unknown>;
    if (Array.isArray(without)) without.splice(key as number, 1);
    else delete without[key];
    yield without;
    for (const replacement of REPLACEMENTS) yield { ...structuredClone(payload), [key]: replacement };
    for (const inner of variants((payload as Record<PropertyKey, unknown>)[key], depth + 1)) {
      const changed = structuredClone(payload) as Record<PropertyKey, unknown>;
      changed[key] = inner;
      yield changed;
    }
  }
}

const SAMPLES_DIR = path.resolve(import.meta.dirname, "../../mappings/samples");
const samples = readdirSync(SAMPLES_DIR).map((file) => JSON.parse(readFileSync(path.join(SAMPLES_DIR, file), "utf8")) as Record<string, unknown>);
const catalogActions = destinationCatalog.flatMap((destination) => destination.actions.map((action) => ({ name: `${destination.key}/${action.key}`, action })));

describe("validateQuickly", () => {
  it.each(catalogActions)("answers as zod does for $name, on every sample and on each one field changed", async ({ action }) => {
    const mapping = compileMapping(readFileSync(action.defaultMappingFile, "utf8"));
    let valid = 0;
    for (const sample of samples) {
      const payload = await evaluateMapping(mapping, sample).catch(() => undefined);
      if (payload === undefined) continue;
      expectSameAsZod(action.fields, payload);
      if (action.fields.safeParse(payload).success) valid++;
      for (const variant of variants(payload)) expectSameAsZod(action.fields, variant);
    }
    expect(valid, "the default mapping makes a valid payload of some sample").toBeGreaterThan(0);
  });

  const schemas: ReadonlyArray<{ name: string; schema: ZodType; inputs: unknown[] }> = [
    {
      name: "optional, nullable and defaulted fields, present, absent and undefined",
      schema: z.object({ a: z.string().optional(), b: z.number().nullable(), c: z.string().default("d"), d: z.string().default("e").optional(), e: z.boolean().nullish() }),
      inputs: [{ b: 1 }, { a: undefined, b: null, c: undefined, d: undefined, e: undefined }, { a: "x", b: 2, c: "y", d: "z", e: false }, { a: 1, b: 1 }, { b: "1" }, {}],
    },
    {
      name: "unknown keys dropped, kept, refused and checked",
      schema: z.object({
        strip: z.object({ a: z.string() }),
        loose: z.looseObject({ a: z.string() }),
        strict: z.strictObject({ a: z.string() }),
        numbers: z.object({ a: z.string() }).catchall(z.number()),
      }),
      inputs: [
        { strip: { a: "x", b: 1 }, loose: { b: 1, a: "x", c: undefined }, strict: { a: "x" }, numbers: { a: "x", b: 1 } },
        { strip: { a: "x" }, loose: { a: "x" }, strict: { a: "x", b: 1 }, numbers: { a: "x" } },
        { strip: { a: "x" }, loose: { a: "x" }, strict: { a: "x" }, numbers: { a: "x", b: "1" } },
        JSON.parse('{"strip":{"a":"x"},"loose":{"a":"x","__proto__":{"p":1}},"strict":{"a":"x"},"numbers":{"a":"x"}}') as unknown,
        JSON.parse('{"strip":{"a":"x"},"loose":{"a":"x"},"strict":{"a":"x","__proto__":{}},"numbers":{"a":"x"}}') as unknown,
      ],
    },
    {
      name: "lists, with and without their own checks",
      schema: z.object({ items: z.array(z.looseObject({ id: z.string().min(1) })), tags: z.array(z.string()).min(1).max(2) }),
      inputs: [{ items: [{ id: "a", n: 1 }], tags: ["t"] }, { items: [], tags: [] }, { items: [{ id: "" }], tags: ["t"] }, { items: {}, tags: ["t"] }, { items: [{ id: "a" }], tags: ["t", "u", "v"] }],
    },
    {
      name: "text and number checks, formats, rewrites and refinements, as zod runs them",
      schema: z.object({
        email: z.email().optional(),
        code: z.string().trim().toLowerCase().length(3),
        count: z.number().int().positive(),
        even: z.number().refine((n) => n % 2 === 0),
        choice: z.enum(["a", "b"]).or(z.literal(1)),
      }),
      inputs: [
        { email: "a@b.co", code: " ABC ", count: 1, even: 2, choice: "a" },
        { email: "nope", code: "abc", count: 1, even: 2, choice: 1 },
        { code: "abcd", count: 1, even: 2, choice: "a" },
        { code: "abc", count: 1.5, even: 2, choice: "a" },
        { code: "abc", count: 1, even: 3, choice: "a" },
        { code: "abc", count: 1, even: 2, choice: "c" },
      ],
    },
    {
      name: "records of anything under text keys, and other records",
      schema: z.object({ any: z.record(z.string(), z.unknown()), numbers: z.record(z.string(), z.number()), maybe: z.record(z.string(), z.any()).optional() }),
      inputs: [
        { any: { b: 1, a: [2], "1": null, c: undefined }, numbers: { x: 1 } },
        { any: {}, numbers: { x: "1" } },
        { any: [], numbers: {} },
        { any: "text", numbers: {} },
        { any: { [Symbol("s")]: 1, a: 1 }, numbers: {} },
        { any: Object.create(null) as object, numbers: {}, maybe: { z: 1 } },
        JSON.parse('{"any":{"__proto__":{"p":1},"a":1},"numbers":{}}') as unknown,
      ],
    },
    {
      name: "an object with a refinement of its own",
      schema: z.object({ a: z.string().optional(), b: z.string().optional() }).refine((o) => o.a !== undefined || o.b !== undefined),
      inputs: [{ a: "x" }, {}, { c: 1 }],
    },
  ];

  it("keeps unknown keys after the declared ones, with the declared ones rewritten or defaulted", () => {
    const schema = z.looseObject({ code: z.string().trim(), n: z.number().default(1), gone: z.string().optional() });
    for (const input of [{ extra: 1, code: " x ", more: [2] }, { code: "y", n: 5, gone: undefined, z: null }, { code: " z" }]) expectSameAsZod(schema, input);
    expect(validateQuickly(schema, { extra: 1, code: " x " })).toStrictEqual({ code: "x", n: 1, extra: 1 });
  });

  it.each(schemas)("answers as zod does for $name", ({ schema, inputs }) => {
    for (const input of inputs) expectSameAsZod(schema, input);
  });

  it("never lets a __proto__ key set the prototype of a copy", () => {
    const schema = z.object({ any: z.record(z.string(), z.unknown()), loose: z.looseObject({}) });
    const output = validateQuickly(schema, JSON.parse('{"any":{"__proto__":{"p":1}},"loose":{"__proto__":{"p":1}}}')) as Record<string, object>;
    expect(Object.getPrototypeOf(output.any)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(output.loose)).toBe(Object.prototype);
  });

  it("spares zod a valid payload and asks it about an invalid one, whose issues it reports", () => {
    const schema = z.object({ event: z.string().min(1), properties: z.looseObject({ time: z.number().int() }) });
    const parse = vi.spyOn(schema, "safeParse");
    expect(validatePayload({ event: "e", properties: { time: 1, extra: [1] } }, schema)).toEqual({ ok: true, payload: { event: "e", properties: { time: 1, extra: [1] } } });
    expect(parse).not.toHaveBeenCalled();
    const invalid = validatePayload({ event: "", properties: { time: 1.5 } }, schema);
    expect(parse).toHaveBeenCalledOnce();
    expect(invalid.ok ? [] : invalid.issues.map((issue) => issue.path)).toEqual(["event", "properties.time"]);
  });
});
