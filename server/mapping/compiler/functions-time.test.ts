import { describe, expect, it } from "vitest";
import { evaluationState } from "./evaluation-state";
import { FallbackSignal } from "./fallback";
import { fromMillis, toMillis } from "./functions-time";

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

describe("$toMillis without a picture", () => {
  it("reads canonical timestamps exactly as Date.parse does, including the values it rolls over or refuses", () => {
    const years = [0, 99, 100, 999, 1000, 1969, 1970, 2024, 2025, 9999];
    const days = [0, 1, 28, 29, 30, 31, 32];
    const times = [[0, 0, 0, 0], [23, 59, 59, 999], [24, 0, 0, 0], [24, 0, 0, 1], [24, 1, 0, 0], [25, 0, 0, 0], [12, 60, 0, 0], [12, 0, 60, 0], [29, 0, 0, 0]];
    let checked = 0;
    for (const year of years) {
      for (let month = 0; month <= 13; month++) {
        for (const day of days) {
          for (const [hour = 0, minute = 0, second = 0, millisecond = 0] of times) {
            const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}.${pad(millisecond, 3)}Z`;
            const expected = Date.parse(text);
            let actual: unknown;
            try {
              actual = toMillis(text);
            } catch (error) {
              // outside JSONata's ISO 8601 pattern (minute 60...): the interpreter throws D3110
              expect(error).toBeInstanceOf(FallbackSignal);
              expect(/:[0-5][0-9]:[0-5][0-9]\./.test(text)).toBe(false);
              continue;
            }
            expect(actual, text).toBe(expected);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(5000);
  });

  it("leaves other forms to Date.parse", () => {
    for (const text of ["2024-05-01", "2024-05-01T12:00:00Z", "2024-05-01T12:00:00.5Z", "2024-05-01T12:00:00.000+01:00", "2024"]) {
      expect(toMillis(text)).toBe(Date.parse(text));
    }
    expect(() => toMillis("2024-05-01 12:00")).toThrow(FallbackSignal);
    expect(toMillis(undefined)).toBeUndefined();
  });
});

describe("$fromMillis without a picture", () => {
  it("formats years 0000 to 9999 as ISO 8601 and leaves the rest to the interpreter", () => {
    evaluationState.maxStringLength = 1_000_000;
    expect(fromMillis(0)).toBe("1970-01-01T00:00:00.000Z");
    expect(fromMillis(-62167219200000)).toBe("0000-01-01T00:00:00.000Z");
    expect(() => fromMillis(-62167219200001)).toThrow(FallbackSignal);
    expect(() => fromMillis(253402300800000)).toThrow(FallbackSignal);
    expect(() => fromMillis(Number.NaN)).toThrow(FallbackSignal);
  });
});
