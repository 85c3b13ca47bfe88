import { describe, expect, it } from "vitest";
import { checkTrigger } from "./check";

describe("checkTrigger", () => {
  it("says a trigger is valid without an event", () => {
    expect(checkTrigger('type = "track"')).toEqual({ valid: true });
  });

  it("says whether the event matches", () => {
    expect(checkTrigger('type = "track"', { type: "track" })).toEqual({ valid: true, matches: true });
    expect(checkTrigger('type = "track"', { type: "page" })).toEqual({ valid: true, matches: false });
  });

  it("returns the error with its position instead of throwing", () => {
    expect(checkTrigger('type = "track"\nand event =', { type: "track" })).toEqual({
      valid: false,
      error: { message: 'Expected a value after "=" but found end of input', line: 2, column: 12, offset: 26 },
    });
  });
});
