import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_MAPPING_LIMITS } from "../limits";
import { toPlainJson } from "../normalize";
import { cloneAsJson } from "./clone";
import { cornerEvents } from "./fixtures/corner-events";
import { interpret } from "./testing/differential";

const SAMPLES = path.resolve(import.meta.dirname, "../../../mappings/samples");

const values: readonly (readonly [string, object])[] = [
  ...Object.entries(cornerEvents),
  ...readdirSync(SAMPLES).map((file) => [file, JSON.parse(readFileSync(path.join(SAMPLES, file), "utf8")) as object] as const),
  ["numbers", { a: [0.1 + 0.2, 1 / 3, -0, 1e21, 2 ** 60, 5e-324, 123456789.123456789], b: { c: -1.5, d: 0.000001234567890123 } }],
  ["lists", [[1, [2, [3]]], [], [{}], null, "x"]],
];

describe("cloneAsJson", () => {
  it.each(values)("copies %s as JSONata's $clone does", async (_name, value) => {
    const interpreted = await interpret(`$clone($)`, value);
    const copy = cloneAsJson(value);
    expect(interpreted).toStrictEqual({ kind: "value", json: JSON.stringify(toPlainJson(copy, DEFAULT_MAPPING_LIMITS.maxDepth)) });
    expect(copy).not.toBe(value);
  });

  it("makes __proto__ an own key, as JSON.parse does", () => {
    const copy = cloneAsJson(JSON.parse('{"__proto__": {"polluted": true}}') as object) as object;
    expect(Object.keys(copy)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
  });
});
