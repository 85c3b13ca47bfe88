import { describe, expect, it } from "vitest";
import { formatRelativeTime } from "./relative-time";

const now = Date.parse("2025-06-15T12:00:00.000Z");
const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();

describe("formatRelativeTime", () => {
  it.each([
    [0, "just now"],
    [59, "just now"],
    [-30, "just now"],
    [60, "1 minute ago"],
    [5 * 60 + 59, "5 minutes ago"],
    [3600, "1 hour ago"],
    [26 * 3600, "yesterday"],
    [3 * 24 * 3600, "3 days ago"],
    [14 * 24 * 3600, "2 weeks ago"],
    [400 * 24 * 3600, "last year"],
  ])("%i seconds ago reads %s", (seconds, text) => {
    expect(formatRelativeTime(ago(seconds), now)).toBe(text);
  });

  it("says unknown for a date it cannot read", () => {
    expect(formatRelativeTime("not a date", now)).toBe("unknown");
  });
});
