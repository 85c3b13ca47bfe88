import { describe, expect, it } from "vitest";
import { defaultEvent, mappingCases } from "../fixtures/mapping-cases";
import { compare, compiledFor, expectSameOutcome } from "./testing/differential";

/** The cases of the mapping fixture table the compiler leaves to the interpreter. */
const INTERPRETED = new Set(["$map with the index", "group by category"]);

describe("mapping fixture cases, compiled", () => {
  it("compiles all but the cases that use what the compiler does not cover", () => {
    const interpreted = mappingCases.filter(({ expression }) => typeof compiledFor(expression) === "string").map(({ name }) => name);
    expect(new Set(interpreted)).toEqual(INTERPRETED);
  });

  it.each(mappingCases.filter(({ name }) => !INTERPRETED.has(name)))("$name", async ({ name, expression, event, expected }) => {
    const comparison = await compare(expression, event ?? defaultEvent);
    expectSameOutcome(comparison, name);
    expect(comparison.compiled).toStrictEqual({ kind: "value", json: expected === undefined ? undefined : JSON.stringify(expected) });
  });
});
