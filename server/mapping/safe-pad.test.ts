import { describe, expect, it } from "vitest";
import { parseJsonata } from "./jsonata-adapter";
import { STRING_TOO_LONG } from "./limits";
import { createSafePad } from "./safe-pad";

const PAD = `$pad(s, w, c)`;
const original = parseJsonata(PAD);
const safePad = createSafePad(1_000);

const cases: ReadonlyArray<{ s?: string; w: number; c?: string }> = [
  { s: "ab", w: 5 },
  { s: "ab", w: -5 },
  { s: "ab", w: 5, c: "xy" },
  { s: "ab", w: -6, c: "xyz" },
  { s: "ab", w: 5, c: "" },
  { s: "abc", w: 2 },
  { s: "abc", w: -2 },
  { s: "abc", w: 0 },
  { s: "ab", w: 5.7 },
  { s: "ab", w: -5.7 },
  { s: "ab", w: 0.5 },
  { s: "", w: 3, c: "😀" },
  { s: "😀a", w: 5, c: "é😀" },
  { s: "x", w: -4, c: "日本語" },
  { w: 5 },
];

describe("createSafePad", () => {
  it.each(cases)("matches JSONata's $pad for %o", async ({ s, w, c }) => {
    expect(safePad(s, w, c)).toBe(await original.evaluate({ s, w, c }));
  });

  it("refuses widths above the string limit instead of building them", () => {
    expect(() => safePad("", 1_001)).toThrow(expect.objectContaining({ code: STRING_TOO_LONG }));
    expect(() => safePad("", -1_001, "ab")).toThrow(expect.objectContaining({ code: STRING_TOO_LONG }));
    expect(safePad("", 1_000)).toHaveLength(1_000);
  });
});
