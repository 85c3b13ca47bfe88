import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileMapping } from "../compile";
import { MappingError } from "../errors";
import type { MappingLimits } from "../limits";
import { DEFAULT_MAPPING_LIMITS } from "../limits";
import type { Outcome } from "./testing/differential";
import { compare, compiledFor, interpret } from "./testing/differential";
import { cornerEvents } from "./fixtures/corner-events";
import { cornerExpressions } from "./fixtures/corner-expressions";

const MAPPINGS = path.resolve(import.meta.dirname, "../../../mappings");
const order = JSON.parse(readFileSync(path.join(MAPPINGS, "samples/order-completed.json"), "utf8")) as object;
const mixpanel = readFileSync(path.join(MAPPINGS, "mixpanel/track-event.jsonata"), "utf8");
const slack = readFileSync(path.join(MAPPINGS, "slack/post-message.jsonata"), "utf8");
const events = Object.entries(cornerEvents);

function limits(overrides: Partial<MappingLimits>): MappingLimits {
  return { ...DEFAULT_MAPPING_LIMITS, ...overrides };
}

async function throughCompiledKind(text: string, event: unknown, given: MappingLimits): Promise<Outcome> {
  try {
    const value = await compileMapping(text).evaluate(structuredClone(event), given);
    return { kind: "value", json: value === undefined ? undefined : JSON.stringify(value) };
  } catch (error) {
    if (!(error instanceof MappingError)) throw error;
    return { kind: "error", name: error.name, code: error.code, message: error.message, location: error.location };
  }
}

/** The compiled mapping's outcome equals the interpreter's, and so does the compiled code's own value when it has one. */
async function expectSame(text: string, event: unknown, given: MappingLimits, label: string): Promise<void> {
  const { interpreted, compiled } = await compare(text, event, given);
  if (compiled.kind !== "fallback") expect(compiled, label).toStrictEqual(interpreted);
  expect(await throughCompiledKind(text, event, given), label).toStrictEqual(interpreted);
}

function depthOf(text: string): number {
  const compiled = compiledFor(text);
  if (typeof compiled === "string") throw new Error(compiled);
  return compiled.evaluationDepth;
}

describe("compiled mappings under limits", () => {
  it.each(cornerExpressions)("the depth bound is enough for the interpreter: %s", async (text) => {
    const bound = depthOf(text);
    for (const [name, event] of events) {
      // at exactly the bound the compiled code runs; the interpreter must not hit its depth limit
      const { interpreted, compiled } = await compare(text, event, limits({ maxDepth: bound }));
      if (compiled.kind !== "fallback") expect(compiled, `on ${name}`).toStrictEqual(interpreted);
      expect(interpreted.kind === "error" && interpreted.code === "MAPPING_DEPTH" && !/payload/.test(interpreted.message), `on ${name}`).toBe(false);
    }
  });

  it("runs the Mixpanel mapping compiled at its depth bound, and leaves tighter limits to the interpreter", async () => {
    const bound = depthOf(mixpanel);
    const atBound = await compare(mixpanel, order, limits({ maxDepth: bound }));
    expect(atBound.compiled).toStrictEqual(atBound.interpreted);
    expect(atBound.interpreted.kind).toBe("value");
    for (let maxDepth = 1; maxDepth < bound; maxDepth += 3) {
      const tighter = await compare(mixpanel, order, limits({ maxDepth }));
      expect(tighter.compiled).toStrictEqual({ kind: "fallback" });
      expect(await throughCompiledKind(mixpanel, order, limits({ maxDepth }))).toStrictEqual(tighter.interpreted);
    }
    // some of those limits do stop the interpreter
    expect(await interpret(mixpanel, order, limits({ maxDepth: 20 }))).toMatchObject({ kind: "error", code: "MAPPING_DEPTH" });
  });

  it.each([1, 2, 4, 8, 12, 20, 40])("gives the interpreter's result with maxStringLength %i", async (maxStringLength) => {
    for (const text of [...cornerExpressions.filter((_, index) => index % 3 === 0), mixpanel, slack]) {
      for (const [name, event] of [...events.slice(0, 6), ["order", order] as const]) {
        await expectSame(text, event, limits({ maxStringLength }), `${text} on ${name}`);
      }
    }
  });

  it.each([1, 2, 3, 5])("gives the interpreter's result with maxSequenceLength %i", async (maxSequenceLength) => {
    const texts = cornerExpressions.filter((text) => /[[\].]|\$(keys|append|split|distinct|merge)/.test(text));
    for (const text of [...texts, mixpanel]) {
      for (const [name, event] of [...events, ["order", order] as const]) {
        await expectSame(text, event, limits({ maxSequenceLength }), `${text} on ${name}`);
      }
    }
  });

  it("hands loops nested over large lists to the interpreter, which stops them at its time limit", async () => {
    const event = { items: Array.from({ length: 3_000 }, (_, index) => ({ n: index })) };
    const text = `{ "pairs": $sum(items.( $count($$.items[n > 0]) )) }`;
    expect(typeof compiledFor(text)).toBe("object");
    const started = performance.now();
    const run = await compare(text, event);
    expect(run.compiled).toStrictEqual({ kind: "fallback" });
    const compiled = await throughCompiledKind(text, event, DEFAULT_MAPPING_LIMITS);
    expect(compiled).toMatchObject({ kind: "error", code: "MAPPING_TIMEOUT" });
    expect(performance.now() - started).toBeLessThan(5_000);
    // a tenth of the list fits the budget and runs compiled, with the result the interpreter
    // reaches given the time (in 50 ms it does not: the compiled code is not held to the clock)
    const small = { items: event.items.slice(0, 300) };
    const patient = limits({ timeoutMs: 20_000 });
    const compiledSmall = await compare(text, small, patient);
    expect(compiledSmall.compiled).toStrictEqual(compiledSmall.interpreted);
    expect(await throughCompiledKind(text, small, DEFAULT_MAPPING_LIMITS)).toStrictEqual(compiledSmall.interpreted);
  });

  it("refuses a payload nested deeper than maxDepth, as the interpreter does", async () => {
    let event: object = { leaf: true };
    for (let level = 0; level < 12; level++) event = { next: event };
    for (const text of [`$`, `{ "wrapped": next.next }`, `[[[[next]]]]`]) {
      await expectSame(text, event, limits({ maxDepth: 10 }), text);
      await expect(compileMapping(text).evaluate(event, limits({ maxDepth: 10 }))).rejects.toMatchObject({ code: "MAPPING_DEPTH" });
    }
  });
});

describe("maxStringLength on strings that reach a step unchecked", () => {
  // items of lists are checked by JSONata only when a step returns them on their own
  const event = { tags: ["a long tag, longer than ten", "b"], one: ["another long string here"], nested: [["deep long string inside"]] };
  const texts = [
    `tags.$`,
    `tags[0]`,
    `tags[]`,
    `{ "t": tags[0] }`,
    `( $t := tags[0]; $t )`,
    `( $t := tags; $t[0] )`,
    `$string(tags[0])`,
    `$trim(tags[0])`,
    `$substring(tags[0], 0, 3)`,
    `tags[0] ? tags[0] : "x"`,
    `tags[0] ?? "x"`,
    `one`,
    `one[0]`,
    `one.$`,
    `nested[0][0]`,
    `nested.$`,
    `$keys({ "a key longer than ten": 1 })`,
    `$lookup({ "k": tags[0] }, "k")`,
    `tags ~> function($v) { $v[0] }`,
    `( $f := function($v) { $v }; $f(tags[0]) )`,
    `$count(tags)`,
    `$join(tags, "")`,
    `tags[$length($) > 3]`,
  ];
  it.each([5, 10, 25])("with maxStringLength %i", async (maxStringLength) => {
    for (const text of texts) await expectSame(text, event, limits({ maxStringLength }), text);
  });
});

describe("maxStringLength on a string collapsed out of a list", () => {
  const event = { a: [{ b: ["a long string, longer than ten"] }, { b: [] }] };
  it.each([`a.b`, `c ? 1 : a.b`, `( a.b )`, `$string(a.b)`, `{ "x": a.b }`, `a.b ?? 1`, `[a.b]`])("%s", async (text) => {
    await expectSame(text, event, limits({ maxStringLength: 10 }), text);
  });
});

describe("maxStringLength over events whose every string is too long", () => {
  const lengthen = (value: unknown): unknown => {
    if (typeof value === "string") return `${value}${"·".repeat(30)}`;
    if (Array.isArray(value)) return value.map(lengthen);
    if (typeof value !== "object" || value === null) return value;
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, lengthen(item)]));
  };
  const longEvents = events.map(([name, event]) => [name, lengthen(event)] as const);

  it.each(cornerExpressions)("%s", async (text) => {
    for (const [name, event] of longEvents) await expectSame(text, event, limits({ maxStringLength: 25 }), `on ${name}`);
  });
});
