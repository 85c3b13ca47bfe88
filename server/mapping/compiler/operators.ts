import { deepEqual } from "./deep-equal";
import { fallback } from "./fallback";
import { checkString, isNumeric } from "./sequence";
import { castString } from "./string-cast";

/**
 * JSONata's binary and unary operators. Wherever JSONata throws (T2001/T2002 for arithmetic on
 * non-numbers, T2009/T2010 for comparing mixed or non-comparable types, D1002 for negating a
 * non-number) these fall back to the interpreter, which throws the same error with its position.
 */

export type ComparisonOperator = "<" | "<=" | ">" | ">=";

/** An operand of arithmetic: a number or missing; anything else is JSONata's T2001 / T2002. */
function numericOperand(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (!isNumeric(value)) fallback();
  return value;
}

export function add(left: unknown, right: unknown): number | undefined {
  const a = numericOperand(left);
  const b = numericOperand(right);
  return a === undefined || b === undefined ? undefined : a + b;
}

export function subtract(left: unknown, right: unknown): number | undefined {
  const a = numericOperand(left);
  const b = numericOperand(right);
  return a === undefined || b === undefined ? undefined : a - b;
}

export function multiply(left: unknown, right: unknown): number | undefined {
  const a = numericOperand(left);
  const b = numericOperand(right);
  return a === undefined || b === undefined ? undefined : a * b;
}

export function divide(left: unknown, right: unknown): number | undefined {
  const a = numericOperand(left);
  const b = numericOperand(right);
  return a === undefined || b === undefined ? undefined : a / b;
}

export function modulo(left: unknown, right: unknown): number | undefined {
  const a = numericOperand(left);
  const b = numericOperand(right);
  return a === undefined || b === undefined ? undefined : a % b;
}

export function negate(value: unknown): number | undefined {
  const operand = numericOperand(value);
  return operand === undefined ? undefined : -operand;
}

/** `=`: false when either side is missing. */
export function equals(left: unknown, right: unknown): boolean {
  return left !== undefined && right !== undefined && deepEqual(left, right);
}

/** `!=`: also false when either side is missing. */
export function notEquals(left: unknown, right: unknown): boolean {
  return left !== undefined && right !== undefined && !deepEqual(left, right);
}

/** `< <= > >=`: numbers with numbers, strings with strings; undefined when either side is missing. */
export function compare(left: unknown, right: unknown, operator: ComparisonOperator): boolean | undefined {
  if (!isComparable(left) || !isComparable(right)) fallback();
  if (left === undefined || right === undefined) return undefined;
  if (typeof left === "number" && typeof right === "number") return ordered(left, right, operator);
  if (typeof left === "string" && typeof right === "string") return ordered(left, right, operator);
  return fallback();
}

function isComparable(value: unknown): boolean {
  return value === undefined || typeof value === "string" || typeof value === "number";
}

function ordered<T extends number | string>(a: T, b: T, operator: ComparisonOperator): boolean {
  switch (operator) {
    case "<":
      return a < b;
    case "<=":
      return a <= b;
    case ">":
      return a > b;
    case ">=":
      return a >= b;
  }
}

/** `&`: both sides through `$string`, a missing side as "". */
export function concat(left: unknown, right: unknown): string {
  const leftText = left === undefined ? "" : (castString(left) ?? "");
  const rightText = right === undefined ? "" : (castString(right) ?? "");
  return checkString(leftText.concat(rightText));
}

/** `in`: whether the left value is (strictly) one of the right values. */
export function includes(left: unknown, right: unknown): boolean {
  if (left === undefined || right === undefined) return false;
  const candidates: readonly unknown[] = Array.isArray(right) ? right : [right];
  for (let index = 0; index < candidates.length; index++) {
    if (candidates[index] === left) return true;
  }
  return false;
}
