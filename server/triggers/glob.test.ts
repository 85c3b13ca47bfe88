import { expect, it } from "vitest";
import { matchesGlob } from "./glob";

it.each([
  ["", "", true],
  ["", "?", false],
  ["abc", "a*c", true],
  ["abc", "a*", true],
  ["abc", "*c*", true],
  ["abc", "a?c", true],
  ["abc", "a??c", false],
  ["a*c", "a\\*c", false],
  ["aaaa", "a*a*a*a*a", false],
  ["😀x", "?x", true],
] as const)("%s ~ %s → %s", (text, pattern, expected) => {
  expect(matchesGlob(text, pattern)).toBe(expected);
});

it("stays polynomial on patterns that make backtracking matchers explode", () => {
  expect(matchesGlob("a".repeat(5_000), `${"*a".repeat(50)}b`)).toBe(false);
});
