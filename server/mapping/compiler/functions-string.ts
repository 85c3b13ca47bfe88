import { fallback } from "./fallback";
import { checkString, isFunctionLike } from "./sequence";
import { castString } from "./string-cast";

/**
 * JSONata's string functions, for the argument types their signatures accept one-to-one. Other
 * types make JSONata throw (T0410) or, for some, silently use the context instead of a missing
 * argument; both cases fall back to the interpreter.
 */

function optionalString(value: unknown): string | undefined {
  if (value !== undefined && typeof value !== "string") fallback();
  return value;
}

function optionalNumber(value: unknown): number | undefined {
  if (value !== undefined && typeof value !== "number") fallback();
  return value;
}

export function stringOf(value: unknown): string | undefined {
  return castString(value);
}

/** Case mapping can lengthen a string ("ß" → "SS"), so the result is checked again. */
export function lowercase(value: unknown): string | undefined {
  return checkString(optionalString(value)?.toLowerCase());
}

export function uppercase(value: unknown): string | undefined {
  return checkString(optionalString(value)?.toUpperCase());
}

/** Length in Unicode code points, as JSONata counts. */
export function length(value: unknown): number | undefined {
  const text = optionalString(value);
  return text === undefined ? undefined : Array.from(text).length;
}

/** Runs of spaces, tabs and line breaks become one space; one leading and trailing space go. */
export function trim(value: unknown): string | undefined {
  const text = optionalString(value);
  if (text === undefined) return undefined;
  let result = text.replace(/[ \t\n\r]+/g, " ");
  if (result.startsWith(" ")) result = result.slice(1);
  if (result.endsWith(" ")) result = result.slice(0, -1);
  return result;
}

/** `$substring(str, start, length?)` over code points; a negative start counts from the end. */
export function substring(value: unknown, startArgument: unknown, lengthArgument: unknown): string | undefined {
  const text = optionalString(value);
  // a missing start acts as NaN in JSONata's arithmetic: the whole string, or "" with a length
  let start = optionalNumber(startArgument) ?? Number.NaN;
  const count = optionalNumber(lengthArgument);
  if (text === undefined) return undefined;
  const characters = Array.from(text);
  if (characters.length + start < 0) start = 0;
  if (count === undefined) return characters.slice(start).join("");
  if (count <= 0) return "";
  const end = start >= 0 ? start + count : characters.length + start + count;
  return characters.slice(start, end).join("");
}

/** A missing separator is searched for as "undefined", as JavaScript converts it. */
export function substringBefore(value: unknown, charactersArgument: unknown): string | undefined {
  const text = optionalString(value);
  const characters = optionalString(charactersArgument) ?? "undefined";
  if (text === undefined) return undefined;
  const position = text.indexOf(characters);
  return position > -1 ? text.slice(0, position) : text;
}

export function substringAfter(value: unknown, charactersArgument: unknown): string | undefined {
  const text = optionalString(value);
  const characters = optionalString(charactersArgument) ?? "undefined";
  if (text === undefined) return undefined;
  const position = text.indexOf(characters);
  return position > -1 ? text.slice(position + characters.length) : text;
}

/** `$contains` with a string token (a regular expression token is not compiled). */
export function contains(value: unknown, tokenArgument: unknown): boolean | undefined {
  if (isFunctionLike(tokenArgument)) fallback();
  const text = optionalString(value);
  const token = optionalString(tokenArgument);
  if (text === undefined || token === undefined) return undefined;
  return text.includes(token);
}

/** `$replace` with a string pattern and replacement, inserted literally (no `$1` groups). */
export function replace(value: unknown, patternArgument: unknown, replacementArgument: unknown, limitArgument: unknown): string | undefined {
  const text = optionalString(value);
  const pattern = optionalString(patternArgument);
  // a missing replacement is inserted as "undefined", as JavaScript converts it
  const replacement = optionalString(replacementArgument) ?? "undefined";
  const limit = optionalNumber(limitArgument);
  if (text === undefined) return undefined;
  if (pattern === undefined || pattern === "") return fallback();
  if (limit !== undefined && limit < 0) return fallback();
  if (limit !== undefined && !(limit > 0)) return text;
  let result = "";
  let position = 0;
  let count = 0;
  let index = text.indexOf(pattern, position);
  while (index !== -1 && (limit === undefined || count < limit)) {
    result += text.substring(position, index) + replacement;
    position = index + pattern.length;
    count++;
    index = text.indexOf(pattern, position);
  }
  return checkString(result + text.substring(position));
}

/** `$split` on a string separator. */
export function split(value: unknown, separatorArgument: unknown, limitArgument: unknown): string[] | undefined {
  const text = optionalString(value);
  const separator = optionalString(separatorArgument);
  const limit = optionalNumber(limitArgument);
  if (text === undefined) return undefined;
  if (limit !== undefined && limit < 0) return fallback();
  if (separator === undefined) return fallback();
  if (limit !== undefined && !(limit > 0)) return [];
  return text.split(separator, limit);
}

/** `$join` of strings (a single string counts as a list of one). */
export function join(values: unknown, separatorArgument: unknown): string | undefined {
  const separator = optionalString(separatorArgument);
  if (values === undefined) return undefined;
  const strings = typeof values === "string" ? [values] : values;
  if (!Array.isArray(strings) || !strings.every((item) => typeof item === "string")) return fallback();
  return checkString(strings.join(separator ?? ""));
}
