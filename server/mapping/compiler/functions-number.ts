import { fallback } from "./fallback";

/**
 * JSONata's numeric functions, for the argument types their signatures accept one-to-one;
 * anything else falls back to the interpreter (which throws T0410 / T0412 / D3030).
 */

function optionalNumber(value: unknown): number | undefined {
  if (value !== undefined && typeof value !== "number") fallback();
  return value;
}

/** An `a<n>` argument: a number or an array of numbers; a single number counts as a list of one. */
function optionalNumbers(value: unknown): readonly number[] | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "number") return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === "number")) return value;
  return fallback();
}

const DECIMAL = /^-?[0-9]+(?:\.[0-9]+)?(?:[Ee][-+]?[0-9]+)?$/;

/** `$number` of numbers, booleans and decimal strings; hexadecimal and other strings fall back. */
export function toNumber(value: unknown): number | undefined {
  if (value === undefined || typeof value === "number") return value;
  if (value === true) return 1;
  if (value === false) return 0;
  if (typeof value === "string" && DECIMAL.test(value)) {
    const parsed = Number.parseFloat(value);
    if (Number.isFinite(parsed)) return parsed;
  }
  return fallback();
}

export function abs(value: unknown): number | undefined {
  const number = optionalNumber(value);
  return number === undefined ? undefined : Math.abs(number);
}

export function floor(value: unknown): number | undefined {
  const number = optionalNumber(value);
  return number === undefined ? undefined : Math.floor(number);
}

export function ceil(value: unknown): number | undefined {
  const number = optionalNumber(value);
  return number === undefined ? undefined : Math.ceil(number);
}

/**
 * `$round(n, precision?)`: half to even. The decimal point is shifted in the number's text (not
 * by multiplying) so 2.675 rounds as written, as JSONata does.
 */
export function round(value: unknown, precisionArgument: unknown): number | undefined {
  let number = optionalNumber(value);
  const precision = optionalNumber(precisionArgument);
  if (number === undefined) return undefined;
  const shift = precision !== undefined && precision !== 0 && !Number.isNaN(precision);
  if (shift) number = shiftDecimal(number, precision);
  let result = Math.round(number);
  if (Math.abs(result - number) === 0.5 && Math.abs(result % 2) === 1) result -= 1;
  if (shift) result = shiftDecimal(result, -precision);
  return Object.is(result, -0) ? 0 : result;
}

function shiftDecimal(value: number, places: number): number {
  const [mantissa, exponent] = value.toString().split("e");
  return Number(`${mantissa}e${exponent === undefined ? places : Number(exponent) + places}`);
}

export function sum(value: unknown): number | undefined {
  const numbers = optionalNumbers(value);
  if (numbers === undefined) return undefined;
  let total = 0;
  numbers.forEach((number) => {
    total += number;
  });
  return total;
}

export function max(value: unknown): number | undefined {
  const numbers = optionalNumbers(value);
  return numbers === undefined || numbers.length === 0 ? undefined : Math.max(...numbers);
}

export function min(value: unknown): number | undefined {
  const numbers = optionalNumbers(value);
  return numbers === undefined || numbers.length === 0 ? undefined : Math.min(...numbers);
}

export function average(value: unknown): number | undefined {
  const numbers = optionalNumbers(value);
  if (numbers === undefined || numbers.length === 0) return undefined;
  let total = 0;
  numbers.forEach((number) => {
    total += number;
  });
  return total / numbers.length;
}
