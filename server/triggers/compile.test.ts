import { describe, expect, it, vi } from "vitest";
import { TRIGGER_CACHE_LIMIT, compileTrigger, compileTypeTrigger } from "./compile";
import { TriggerSyntaxError } from "./errors";
import { parseTrigger } from "./parse";

vi.mock("./parse", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./parse")>();
  return { ...actual, parseTrigger: vi.fn(actual.parseTrigger) };
});

describe("compileTrigger", () => {
  it("parses once and then only evaluates", () => {
    const parse = vi.mocked(parseTrigger);
    parse.mockClear();
    const text = 'type = "track" and match(event, "Order *") and properties.total > 100';
    let matched = 0;
    for (let i = 0; i < 10_000; i++) {
      const event = { type: "track", event: i % 2 ? "Order Completed" : "Signed Up", properties: { total: i } };
      if (compileTrigger(text)(event)) matched++;
    }
    expect(parse).toHaveBeenCalledTimes(1);
    // odd i above 100: 101, 103, …, 9999
    expect(matched).toBe(4_950);
  });

  it("returns the cached predicate for the same text", () => {
    expect(compileTrigger('type = "page"')).toBe(compileTrigger('type = "page"'));
  });

  it(`keeps at most ${TRIGGER_CACHE_LIMIT} triggers, dropping the least recently used`, () => {
    const first = compileTrigger("properties.n = -1");
    const kept = compileTrigger("properties.n = -2");
    for (let i = 0; i < TRIGGER_CACHE_LIMIT - 1; i++) {
      compileTrigger(`properties.n = ${i}`);
      if (i % 100 === 0) compileTrigger("properties.n = -2");
    }
    expect(compileTrigger("properties.n = -2")).toBe(kept);
    expect(compileTrigger("properties.n = -1")).not.toBe(first);
  });

  it("throws a TriggerSyntaxError for an invalid trigger, every time", () => {
    expect(() => compileTrigger("type ==")).toThrow(TriggerSyntaxError);
    expect(() => compileTrigger("type ==")).toThrow(TriggerSyntaxError);
  });
});

describe("compileTypeTrigger", () => {
  const TYPES = ["track", "page", "screen", "identify", "group", "alias"];

  it.each(['type = "track"', 'type = "track" or type = "page"', 'not type = "identify"', 'type != "alias" and (type = "group" or type = "screen")', "all", 'match(type, "s*")', 'contains(type, "a")'])(
    "decides %s from the type alone, as the trigger does on the whole event",
    (text) => {
      const byType = compileTypeTrigger(text);
      expect(byType).not.toBeNull();
      for (const type of TYPES) expect(byType!(type), type).toBe(compileTrigger(text)({ type, event: "E", properties: { total: 1 } }));
    },
  );

  it.each(['type = "track" and event = "Order Completed"', "properties.total > 100", 'type = "track" or traits.plan = "pro"', 'not name = "Home"'])("has no answer for %s, which reads more than the type", (text) => {
    expect(compileTypeTrigger(text)).toBeNull();
  });
});
