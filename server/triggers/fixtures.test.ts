import { describe, expect, it } from "vitest";
import { compileTrigger } from "./compile";
import { TriggerSyntaxError } from "./errors";
import { invalidFixtures, validFixtures } from "./fixtures";
import { parseTrigger } from "./parse";

describe("valid triggers", () => {
  it.each(validFixtures)("%# %s", (trigger, event, matches) => {
    expect(compileTrigger(trigger)(event)).toBe(matches);
  });
});

describe("invalid triggers", () => {
  it.each(invalidFixtures)("%# %s", (trigger, message, line, column) => {
    let thrown: unknown;
    try {
      parseTrigger(trigger);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TriggerSyntaxError);
    const error = thrown as TriggerSyntaxError;
    expect(error.message).toContain(message);
    expect({ line: error.line, column: error.column }).toEqual({ line, column });
    expect(error.code).toBe("TRIGGER_SYNTAX");
  });
});

it("has at least 80 fixtures", () => {
  expect(validFixtures.length + invalidFixtures.length).toBeGreaterThanOrEqual(80);
});
