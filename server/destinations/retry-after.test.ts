import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "./retry-after";

const NOW = Date.parse("2025-06-02T12:00:00Z");

describe("parseRetryAfter", () => {
  it.each([
    ["0", 0],
    ["7", 7_000],
    [" 120 ", 120_000],
    ["0.25", 250],
    ["Mon, 02 Jun 2025 12:00:30 GMT", 30_000],
    ["Mon, 02 Jun 2025 11:59:00 GMT", 0],
    ["-5", undefined],
    ["", undefined],
    ["later", undefined],
    ["2025-06-02", undefined],
    [null, undefined],
    [undefined, undefined],
  ])("%j → %j ms", (header, expected) => {
    expect(parseRetryAfter(header, NOW)).toBe(expected);
  });
});
