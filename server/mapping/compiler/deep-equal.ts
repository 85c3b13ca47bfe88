import { fallback } from "./fallback";

/**
 * JSONata's equality (`=`, `$distinct`): arrays item by item, objects by own property names in
 * any order. An array and an object are compared by property names too, which for an array
 * include `length`; an object without one differs, one with one is left to the interpreter
 * (whose sequences carry extra properties).
 */
export function deepEqual(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (typeof left !== "object" || typeof right !== "object" || left === null || right === null) return false;
  if (Array.isArray(left) !== Array.isArray(right)) return Object.hasOwn(Array.isArray(left) ? right : left, "length") ? fallback() : false;
  if (Array.isArray(left) && Array.isArray(right)) {
    if (left.length !== right.length) return false;
    for (let index = 0; index < left.length; index++) {
      if (!deepEqual(left[index], right[index])) return false;
    }
    return true;
  }
  const leftNames = Object.getOwnPropertyNames(left).sort();
  const rightNames = Object.getOwnPropertyNames(right).sort();
  if (leftNames.length !== rightNames.length) return false;
  for (let index = 0; index < leftNames.length; index++) {
    if (leftNames[index] !== rightNames[index]) return false;
  }
  const leftRecord = left as Readonly<Record<string, unknown>>;
  const rightRecord = right as Readonly<Record<string, unknown>>;
  return leftNames.every((name) => deepEqual(leftRecord[name], rightRecord[name]));
}
