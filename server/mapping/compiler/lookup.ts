import { checkString, countSteps, isFunctionLike, newSequence, pushItem } from "./sequence";

/**
 * JSONata's field lookup: own properties only (so `constructor`, `__proto__`, `toString` are
 * ordinary keys, found only when the event has them), mapped over arrays with one level of
 * flattening per array level.
 */
export function lookup(input: unknown, key: string): unknown {
  if (Array.isArray(input)) return lookupAll(input, key);
  return lookupOwn(input, key);
}

export function lookupOwn(input: unknown, key: string): unknown {
  if (typeof input !== "object" || input === null || !Object.hasOwn(input, key) || isFunctionLike(input)) return undefined;
  return checkString((input as Readonly<Record<string, unknown>>)[key]);
}

function lookupAll(input: readonly unknown[], key: string): unknown {
  countSteps(input.length);
  const result = newSequence();
  input.forEach((item) => {
    const value = lookup(item, key);
    if (value === undefined) return;
    if (Array.isArray(value)) {
      value.forEach((inner) => pushItem(result, inner));
    } else {
      pushItem(result, value);
    }
  });
  return result;
}
