import { evaluationState } from "./evaluation-state";
import { fallback } from "./fallback";
import { checkString } from "./sequence";

/**
 * JSONata's date functions without picture strings. `$toMillis` accepts what JSONata's ISO 8601
 * check accepts and parses with `Date.parse`, as JSONata does; `$fromMillis` formats as ISO 8601
 * in UTC, which is `toISOString` for years 0000-9999 (others fall back).
 */

const ISO_8601 = /^[0-9]{4}(?:-[01][0-9])?(?:-[0-3][0-9])?(?:T[0-2][0-9]:[0-5][0-9]:[0-5][0-9])?(?:\.[0-9]+)?(?:[+-][0-2][0-9]:?[0-5][0-9]|Z)?$/;

export function toMillis(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string") return fallback();
  const canonical = parseCanonicalUtc(value);
  if (canonical !== undefined) return canonical;
  if (!ISO_8601.test(value)) return fallback();
  return Date.parse(value);
}

/**
 * `YYYY-MM-DDTHH:MM:SS.sssZ`, the form events carry, read without `Date.parse` (a quarter of a
 * simple mapping's time). Only values `Date.parse` reads the same way are taken (years from
 * 1000, fields in range, which `Date.UTC` rolls over as `Date.parse` does: Feb 30 is Mar 1);
 * anything else is left to `Date.parse`.
 */
function parseCanonicalUtc(text: string): number | undefined {
  if (text.length !== 24 || text[4] !== "-" || text[7] !== "-" || text[10] !== "T" || text[13] !== ":" || text[16] !== ":" || text[19] !== "." || text[23] !== "Z") {
    return undefined;
  }
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  const millisecond = digits(text, 20, 3);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > 31 || minute > 59 || second > 59) return undefined;
  if (hour > 24 || (hour === 24 && minute + second + millisecond > 0)) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
}

/** The number written by `length` ASCII digits at `start`, or -1 if any is not a digit. */
function digits(text: string, start: number, length: number): number {
  let value = 0;
  for (let index = start; index < start + length; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

export function fromMillis(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number") return fallback();
  return formatIso(value);
}

export function millis(): number {
  return evaluationState.nowMillis;
}

export function now(): string {
  return formatIso(evaluationState.nowMillis);
}

const LAST_MILLISECOND_OF_9999 = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** 0000-01-01T00:00:00Z (`Date.UTC` reads years 0-99 as 1900-1999, so the year is set explicitly). */
const YEAR_ZERO = ((): number => {
  const date = new Date(0);
  date.setUTCFullYear(0, 0, 1);
  return date.getTime();
})();

function formatIso(millis: number): string {
  const time = new Date(millis).getTime();
  if (!Number.isFinite(time) || time > LAST_MILLISECOND_OF_9999 || time < YEAR_ZERO) return fallback();
  return checkString(new Date(time).toISOString());
}
