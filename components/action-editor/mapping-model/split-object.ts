/**
 * Splits the text of a JSONata object constructor into its pairs without parsing the values, so
 * each value's own text can be kept byte for byte. Knows strings, backtick names, comments and
 * brackets; anything it misreads (a regular expression holding a bracket) makes the caller's
 * check against JSONata's own parse fail, and the object is then kept as text.
 */

export type SplitPair = { keyText: string; valueText: string; valueStart: number };
export type SplitObject = { pairs: SplitPair[]; end: number };

/** `start` is the index of `{`; returns the pairs and the index just past the matching `}`. */
export function splitObject(text: string, start: number): SplitObject | null {
  if (text[start] !== "{") return null;
  const pairs: SplitPair[] = [];
  let depth = 0;
  let pairStart = start + 1;
  let colon = -1;
  // `| location | update, deletions |` holds a comma of its own
  let pipes = 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"' || ch === "'" || ch === "`") {
      i = skipQuoted(text, i, ch);
      if (i < 0) return null;
      continue;
    }
    if (ch === "/" && text[i + 1] === "*") {
      const close = text.indexOf("*/", i + 2);
      if (close < 0) return null;
      i = close + 1;
      continue;
    }
    if (ch === "{" || ch === "(" || ch === "[") {
      depth++;
      continue;
    }
    if (ch === "}" || ch === ")" || ch === "]") {
      depth--;
      if (depth === 0) {
        if (ch !== "}") return null;
        if (!pushPair(pairs, text, pairStart, colon, i)) return null;
        return { pairs, end: i + 1 };
      }
      continue;
    }
    if (depth !== 1) continue;
    if (ch === "|") pipes++;
    else if (ch === ":" && colon < 0) colon = i;
    else if (ch === "," && pipes % 3 === 0) {
      if (!pushPair(pairs, text, pairStart, colon, i)) return null;
      pairStart = i + 1;
      colon = -1;
      pipes = 0;
    }
  }
  return null;
}

function pushPair(pairs: SplitPair[], text: string, from: number, colon: number, to: number): boolean {
  if (colon < 0) return text.slice(from, to).trim() === "" && pairs.length === 0 ? true : false;
  const raw = text.slice(colon + 1, to);
  const leading = raw.length - raw.trimStart().length;
  pairs.push({ keyText: text.slice(from, colon).trim(), valueText: raw.trim(), valueStart: colon + 1 + leading });
  return true;
}

/** Index of the closing quote of the string or name opened at `start`, or -1. */
export function skipQuoted(text: string, start: number, quote: string): number {
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\\" && quote !== "`") i++;
    else if (ch === quote) return i;
  }
  return -1;
}

/** The index of the first character that is neither whitespace nor inside a comment, from `from`. */
export function skipBlank(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    if (/\s/.test(text[i]!)) i++;
    else if (text[i] === "/" && text[i + 1] === "*") {
      const close = text.indexOf("*/", i + 2);
      if (close < 0) return text.length;
      i = close + 2;
    } else break;
  }
  return i;
}
