import { describe, expect, it } from "vitest";
import { formatCount } from "./count";

describe("formatCount", () => {
  it("puts the noun in the singular only for exactly one", () => {
    expect(formatCount(0, "event")).toBe("0 events");
    expect(formatCount(1, "event")).toBe("1 event");
    expect(formatCount(2, "error")).toBe("2 errors");
    expect(formatCount(1200, "event")).toBe("1,200 events");
    expect(formatCount(3, "entry", "entries")).toBe("3 entries");
  });
});
