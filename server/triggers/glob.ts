const STAR = 0x2a;
const QUESTION = 0x3f;

function width(codePoint: number): number {
  return codePoint > 0xffff ? 2 : 1;
}

/**
 * Whole-string, case-sensitive glob: `*` is any sequence (also empty), `?` exactly one character
 * (a code point, so one emoji); every other character, regex metacharacters included, is itself.
 * Greedy with one backtrack point, so the worst case is O(text × pattern) and never exponential.
 */
export function matchesGlob(text: string, pattern: string): boolean {
  let t = 0;
  let p = 0;
  let starAt = -1;
  let starText = 0;
  while (t < text.length) {
    const pc = pattern.codePointAt(p);
    const tc = text.codePointAt(t) ?? 0;
    if (pc === STAR) {
      starAt = p;
      starText = t;
      p += 1;
    } else if (pc !== undefined && (pc === QUESTION || pc === tc)) {
      p += width(pc);
      t += width(tc);
    } else if (starAt >= 0) {
      starText += width(text.codePointAt(starText) ?? 0);
      t = starText;
      p = starAt + 1;
    } else {
      return false;
    }
  }
  while (pattern.codePointAt(p) === STAR) p += 1;
  return p >= pattern.length;
}
