import { describe, expect, it, vi } from "vitest";
import { TRIGGER_CACHE_LIMIT, compileTrigger } from "./compile";
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
