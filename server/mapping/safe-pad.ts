import { stringTooLong } from "./limits";

export type Pad = (str: string | undefined, width: number, char?: string) => string | undefined;

/**
 * `$pad` with the same results as JSONata's, but refusing widths above `maxStringLength`.
 * JSONata's own `$pad` builds its padding as one array-backed string and splits a multi-character
 * pad into an array of code points: `$pad("", 200000000, "ab")` aborts the whole Node process
 * ("Fatal JavaScript invalid size error"), which no `try` can catch.
 */
export function createSafePad(maxStringLength: number): Pad {
  return function pad(str, width, char) {
    if (str === undefined) return undefined;
    const target = Math.abs(Math.trunc(width));
    if (target > maxStringLength) throw stringTooLong(maxStringLength);

    const missing = target - codePointCount(str);
    if (missing <= 0) return str;
    const padding = repeatCodePoints(char === undefined || char.length === 0 ? " " : char, missing);
    return width > 0 ? str + padding : padding + str;
  };
}

function codePointCount(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** The first `count` code points of `unit` repeated end to end. */
function repeatCodePoints(unit: string, count: number): string {
  const points = Array.from(unit);
  const whole = Math.floor(count / points.length);
  return unit.repeat(whole) + points.slice(0, count - whole * points.length).join("");
}
