import { describe, expect, it } from "vitest";
import { compileTrigger } from "./compile";
import { TriggerSyntaxError } from "./errors";
import { MAX_NESTING, MAX_TRIGGER_LENGTH, parseTrigger } from "./parse";

function syntaxError(text: string): TriggerSyntaxError {
  try {
    parseTrigger(text);
  } catch (error) {
    if (error instanceof TriggerSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(text.slice(0, 40))} to be rejected`);
}

describe("parseTrigger", () => {
  it("binds and tighter than or, and not tighter than and", () => {
    expect(parseTrigger('type = "page" or type = "track" and not event = "x"')).toEqual({
      kind: "or",
      operands: [
        { kind: "equality", operator: "=", field: { root: "type", path: [] }, value: "page" },
        {
          kind: "and",
          operands: [
            { kind: "equality", operator: "=", field: { root: "type", path: [] }, value: "track" },
            { kind: "not", operand: { kind: "equality", operator: "=", field: { root: "event", path: [] }, value: "x" } },
          ],
        },
      ],
    });
  });

  it("reads quoted keys, functions and ordering into typed nodes", () => {
    expect(parseTrigger('match(properties."order id", "A-*")')).toEqual({
      kind: "match",
      field: { root: "properties", path: ["order id"] },
      pattern: "A-*",
    });
    expect(parseTrigger("properties.total >= -1.5")).toEqual({
      kind: "ordering",
      operator: ">=",
      field: { root: "properties", path: ["total"] },
      value: -1.5,
    });
  });

  it("reports offset, line and column on the error", () => {
    const error = syntaxError('type = "track"\n  and foo = 1');
    expect(error).toMatchObject({ code: "TRIGGER_SYNTAX", retryable: false, offset: 21, line: 2, column: 7 });
  });

  it(`accepts parentheses nested ${MAX_NESTING} deep`, () => {
    const text = `${"(".repeat(MAX_NESTING)}type = "track"${")".repeat(MAX_NESTING)}`;
    expect(compileTrigger(text)({ type: "track" })).toBe(true);
  });

  it(`evaluates ${MAX_NESTING} parenthesised negations`, () => {
    const text = `${"!(".repeat(MAX_NESTING)}type = "track"${")".repeat(MAX_NESTING)}`;
    expect(compileTrigger(text)({ type: "track" })).toBe(true);
    expect(compileTrigger(`!${text}`)({ type: "track" })).toBe(false);
  });

  it("rejects deeper nesting with a clean error instead of a stack overflow", () => {
    const deeper = `${"(".repeat(MAX_NESTING + 1)}type = "track"${")".repeat(MAX_NESTING + 1)}`;
    expect(syntaxError(deeper).message).toBe(`Expected at most 1,000 nested parentheses but found more`);
    expect(syntaxError("(".repeat(MAX_TRIGGER_LENGTH)).column).toBe(MAX_NESTING + 1);
  });

  it("folds thousands of ! prefixes without recursion", () => {
    const bangs = "!".repeat(9_001);
    expect(compileTrigger(`${bangs}type = "track"`)({ type: "track" })).toBe(false);
    expect(compileTrigger(`!${bangs}type = "track"`)({ type: "track" })).toBe(true);
  });

  it("keeps long and / or chains flat", () => {
    const text = Array.from({ length: 600 }, (_, i) => `userId = ${i}`).join(" or ");
    const node = parseTrigger(text);
    expect(node.kind === "or" && node.operands.length).toBe(600);
    expect(compileTrigger(text)({ userId: 599 })).toBe(true);
  });

  it(`rejects triggers longer than ${MAX_TRIGGER_LENGTH} characters`, () => {
    const text = `type = "${"x".repeat(MAX_TRIGGER_LENGTH)}"`;
    const error = syntaxError(text);
    expect(error.message).toBe("Expected at most 10,000 characters but found 10,009");
    expect(error.offset).toBe(MAX_TRIGGER_LENGTH);
  });
});
