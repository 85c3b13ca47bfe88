import { describe, expect, it } from "vitest";
import { locate } from "./source-position";

describe("locate", () => {
  it.each([
    { text: `a + }`, position: 5, token: "}", line: 1, column: 5 },
    { text: `"a" + 1`, position: 5, token: "+", line: 1, column: 5 },
    { text: `foo bar`, position: 7, token: "bar", line: 1, column: 5 },
    { text: `x\ny\n  z ]`, position: 9, token: "]", line: 3, column: 5 },
    { text: `$nope(1)`, position: 6, token: "nope", line: 1, column: 6 },
    { text: `[1, 2`, position: 5, token: "(end)", line: 1, column: 6 },
    { text: `"abc`, position: 4, token: undefined, line: 1, column: 4 },
    { text: ``, position: 0, token: "(end)", line: 1, column: 1 },
    { text: `ab`, position: 99, token: undefined, line: 1, column: 3 },
  ])("$text at $position → $line:$column", ({ text, position, token, line, column }) => {
    expect(locate(text, position, token)).toEqual({ position, token, line, column });
  });
});
