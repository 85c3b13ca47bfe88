import { TriggerSyntaxError } from "./errors";

export type EqualityOperator = "=" | "!=";
export type OrderingOperator = "<" | "<=" | ">" | ">=";
export type ComparisonOperator = EqualityOperator | OrderingOperator;

interface Span {
  readonly start: number;
  readonly end: number;
}

/** A name with its dotted keys: `properties."order id".sku` → `["properties", "order id", "sku"]`. */
export type WordToken = Span & { readonly kind: "word"; readonly path: readonly [string, ...string[]] };

export type Token =
  | WordToken
  | (Span & { readonly kind: "string"; readonly value: string })
  | (Span & { readonly kind: "number"; readonly value: number })
  | (Span & { readonly kind: "operator"; readonly operator: ComparisonOperator })
  | (Span & { readonly kind: "(" | ")" | "," | "!" | "end" });

const WHITESPACE = /\s+/y;
const IDENTIFIER = /[\p{L}_$][\p{L}\p{M}\p{N}_$]*/uy;
const KEY = /[\p{L}\p{M}\p{N}_$-]+/uy;
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/** Characters that may not touch a number, so `1.` and `100abc` are errors rather than two tokens. */
const NUMBER_TAIL = /[\p{L}\p{N}_$.]/uy;
const UNTIL_SEPARATOR = /[^\s(),"]+/y;
const OPERATOR_RUN = /[=!<>~]+/y;
const HEX4 = /[0-9a-fA-F]{4}/y;
const OPERATORS: ReadonlySet<string> = new Set<ComparisonOperator>(["=", "!=", "<", "<=", ">", ">="]);
const OPERATOR_HINTS: Readonly<Record<string, string>> = {
  "==": ' (equality is a single "=")',
  "===": ' (equality is a single "=")',
  "<>": ' (use "!=")',
  "=~": " (use match(field, \"pattern*\"))",
  "~": " (use match(field, \"pattern*\"))",
};
const ESCAPES: Readonly<Record<string, string>> = { '"': '"', "\\": "\\", "/": "/", n: "\n", r: "\r", t: "\t" };

function matchAt(pattern: RegExp, text: string, offset: number): string | undefined {
  pattern.lastIndex = offset;
  return pattern.exec(text)?.[0];
}

function isOperator(text: string): text is ComparisonOperator {
  return OPERATORS.has(text);
}

/** Describes the character at `offset` for an error message. */
export function describeCharAt(text: string, offset: number): string {
  const codePoint = text.codePointAt(offset);
  if (codePoint === undefined) return "end of input";
  const ch = String.fromCodePoint(codePoint);
  if (ch === "\n" || ch === "\r") return "a line break";
  if (/\s/.test(ch)) return "a space";
  return `"${ch}"`;
}

/** Splits a trigger into tokens, the last always `end`. Whitespace, newlines included, only separates. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let offset = 0;
  for (;;) {
    offset += matchAt(WHITESPACE, text, offset)?.length ?? 0;
    if (offset >= text.length) {
      tokens.push({ kind: "end", start: offset, end: offset });
      return tokens;
    }
    const token = readToken(text, offset);
    tokens.push(token);
    offset = token.end;
  }
}

function readToken(text: string, start: number): Token {
  const ch = text[start];
  if (ch === "(" || ch === ")" || ch === ",") return { kind: ch, start, end: start + 1 };
  if (ch === "!" && text[start + 1] !== "=") return { kind: "!", start, end: start + 1 };
  if (ch === '"') {
    const { value, end } = readString(text, start);
    return { kind: "string", value, start, end };
  }
  if (ch === "'") {
    throw new TriggerSyntaxError(`Expected a string in double quotes but found "'"`, text, start);
  }
  const operator = matchAt(OPERATOR_RUN, text, start);
  if (operator !== undefined) {
    if (!isOperator(operator)) {
      const hint = OPERATOR_HINTS[operator] ?? "";
      throw new TriggerSyntaxError(`Expected an operator (=, !=, <, <=, >, >=) but found "${operator}"${hint}`, text, start);
    }
    return { kind: "operator", operator, start, end: start + operator.length };
  }
  if (ch === "-" || (ch !== undefined && ch >= "0" && ch <= "9")) return readNumber(text, start);
  const identifier = matchAt(IDENTIFIER, text, start);
  if (identifier !== undefined) return readWord(text, start, identifier);
  throw new TriggerSyntaxError(
    `Expected a condition, a value or an operator but found ${describeCharAt(text, start)}`,
    text,
    start,
  );
}

function readNumber(text: string, start: number): Token {
  const raw = matchAt(NUMBER, text, start);
  if (raw === undefined) {
    throw new TriggerSyntaxError(`Expected a digit after "-" but found ${describeCharAt(text, start + 1)}`, text, start + 1);
  }
  const end = start + raw.length;
  if (matchAt(NUMBER_TAIL, text, end) !== undefined) {
    const found = matchAt(UNTIL_SEPARATOR, text, start) ?? raw;
    throw new TriggerSyntaxError(`Expected a number but found "${found}"`, text, start);
  }
  return { kind: "number", value: Number(raw), start, end };
}

function readWord(text: string, start: number, identifier: string): WordToken {
  const path: [string, ...string[]] = [identifier];
  let end = start + identifier.length;
  while (text[end] === ".") {
    const keyStart = end + 1;
    if (text[keyStart] === '"') {
      const quoted = readString(text, keyStart);
      path.push(quoted.value);
      end = quoted.end;
      continue;
    }
    const key = matchAt(KEY, text, keyStart);
    if (key === undefined) {
      throw new TriggerSyntaxError(
        `Expected a field name after "." but found ${describeCharAt(text, keyStart)}`,
        text,
        keyStart,
      );
    }
    path.push(key);
    end = keyStart + key.length;
  }
  return { kind: "word", path, start, end };
}

/** Reads a double-quoted string starting at `start`; a string may not span lines. */
function readString(text: string, start: number): { value: string; end: number } {
  let value = "";
  let chunkStart = start + 1;
  let i = chunkStart;
  for (;;) {
    const ch = text[i];
    if (ch === undefined || ch === "\n" || ch === "\r") {
      const found = ch === undefined ? "end of input" : "end of line";
      throw new TriggerSyntaxError(
        `Expected a closing quote (") for the string that starts here but found ${found}`,
        text,
        start,
      );
    }
    if (ch === '"') return { value: value + text.slice(chunkStart, i), end: i + 1 };
    if (ch === "\\") {
      value += text.slice(chunkStart, i) + readEscape(text, i);
      i += text[i + 1] === "u" ? 6 : 2;
      chunkStart = i;
      continue;
    }
    i++;
  }
}

function readEscape(text: string, backslash: number): string {
  const letter = text[backslash + 1];
  if (letter === "u") {
    const hex = matchAt(HEX4, text, backslash + 2);
    if (hex !== undefined) return String.fromCharCode(parseInt(hex, 16));
    const found = matchAt(/[^\s"]{0,4}/y, text, backslash + 2) ?? "";
    throw new TriggerSyntaxError(`Expected 4 hex digits after "\\u" but found "${found}"`, text, backslash);
  } else if (letter !== undefined && Object.hasOwn(ESCAPES, letter)) {
    return ESCAPES[letter] ?? letter;
  }
  throw new TriggerSyntaxError(
    `Expected an escape (\\" \\\\ \\/ \\n \\r \\t or \\uXXXX) after "\\" but found ${describeCharAt(text, backslash + 1)}`,
    text,
    backslash,
  );
}
