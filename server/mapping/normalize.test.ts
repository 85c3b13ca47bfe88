import { describe, expect, it } from "vitest";
import { MappingEvaluationError, MappingLimitError } from "./errors";
import { toPlainJson } from "./normalize";

function sequence(...items: unknown[]): unknown[] {
  return Object.assign(items, { sequence: true, keepSingleton: true });
}

function nullPrototype(fields: Record<string, unknown>): object {
  return Object.assign(Object.create(null) as object, fields);
}

const plainCases: ReadonlyArray<{ name: string; input: unknown; expected: unknown }> = [
  { name: "primitives pass through", input: ["a", 1, true, null], expected: ["a", 1, true, null] },
  { name: "undefined stays undefined", input: undefined, expected: undefined },
  { name: "sequence flags are dropped", input: sequence(1, 2), expected: [1, 2] },
  { name: "null-prototype objects become plain", input: nullPrototype({ a: sequence("x") }), expected: { a: ["x"] } },
  { name: "undefined fields are dropped", input: { a: undefined, b: 1 }, expected: { b: 1 } },
  { name: "undefined items are dropped", input: [1, undefined, 2], expected: [1, 2] },
  { name: "frozen arrays are copied", input: Object.freeze([Object.freeze({ a: 1 })]), expected: [{ a: 1 }] },
];

describe("toPlainJson", () => {
  it.each(plainCases)("$name", ({ input, expected }) => {
    const output = toPlainJson(input, 200);
    expect(output).toStrictEqual(expected);
    if (Array.isArray(output)) expect(Object.keys(output)).toEqual(output.map((_, index) => String(index)));
  });

  it("hands back plain JSON as it is, without copying it", () => {
    const input = JSON.parse('{ "a": [1, "x", { "b": null }], "c": { "d": true, "e": -1.5 } }') as unknown;
    expect(toPlainJson(input, 200)).toBe(input);
  });

  it("copies only the path to a part that changes, and keeps the rest as it is", () => {
    const kept = { f: ["g"] };
    const input = { a: { b: [1, { c: undefined, d: 2 }] }, e: kept, h: [sequence("x"), kept] };
    const output = toPlainJson(input, 200) as typeof input;
    expect(output).toStrictEqual({ a: { b: [1, { d: 2 }] }, e: { f: ["g"] }, h: [["x"], { f: ["g"] }] });
    expect(output).not.toBe(input);
    expect(output.a.b).not.toBe(input.a.b);
    expect(output.e).toBe(kept);
    expect(output.h[1]).toBe(kept);
    expect(Object.keys(output.h[0] as object)).toEqual(["0"]);
  });

  it("copies frozen values, keeping field order", () => {
    const input = Object.freeze({ b: 1, a: Object.freeze(["x"]), c: undefined });
    const output = toPlainJson(input, 200) as Record<string, unknown>;
    expect(Object.keys(output)).toEqual(["b", "a"]);
    expect(Object.isFrozen(output) || Object.isFrozen(output.a)).toBe(false);
  });

  it("keeps a __proto__ field as a field", () => {
    const input: unknown = JSON.parse('{ "__proto__": { "polluted": true }, "a": 1 }');
    const output = toPlainJson(input, 200) as Record<string, unknown>;
    expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
    expect(Object.keys(output)).toEqual(["__proto__", "a"]);
    expect(JSON.stringify(output)).toBe('{"__proto__":{"polluted":true},"a":1}');
  });

  it.each([
    { name: "a function", input: { a: [1, () => 1] }, message: "The mapping produced a function at a[1]; a payload can only hold text, numbers, true/false, null, lists and objects." },
    { name: "a JSONata lambda", input: { fn: { _jsonata_lambda: true } }, message: /a function at fn;/ },
    { name: "NaN", input: { "odd key": { n: Number.NaN } }, message: /the number NaN at `odd key`\.n;/ },
    { name: "Infinity", input: [Number.POSITIVE_INFINITY], message: /the number Infinity at \[0\];/ },
  ])("refuses $name, naming where", ({ input, message }) => {
    expect(() => toPlainJson(input, 200)).toThrow(MappingEvaluationError);
    expect(() => toPlainJson(input, 200)).toThrow(message);
  });

  it("refuses nesting deeper than the limit", () => {
    expect(toPlainJson({ a: { b: { c: 1 } } }, 3)).toStrictEqual({ a: { b: { c: 1 } } });
    expect(() => toPlainJson({ a: { b: { c: { d: 1 } } } }, 3)).toThrow(MappingLimitError);
    expect(() => toPlainJson({ a: { b: { c: { d: 1 } } } }, 3)).toThrow("nested deeper than 3 levels at a.b.c");
  });
});
