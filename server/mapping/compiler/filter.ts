import { countSteps, isNumeric, newSequence, pushItem, sequenceOf } from "./sequence";
import type { Sequence } from "./sequence";
import { toBoolean } from "./truthiness";

/** A predicate `[...]`: a literal index, or an expression evaluated per item. */
export type Filter = number | ((item: unknown) => unknown);

/** JSONata's filter step: `[n]` picks by index (negative from the end), otherwise a predicate. */
export function applyFilter(input: unknown, filter: Filter): unknown[] {
  const items: readonly unknown[] = Array.isArray(input) ? input : sequenceOf(input);
  return typeof filter === "number" ? pickIndex(items, filter) : keepMatching(items, filter);
}

export function applyFilters(input: unknown, filters: readonly Filter[]): unknown {
  let result = input;
  for (const filter of filters) result = applyFilter(result, filter);
  return result;
}

function pickIndex(items: readonly unknown[], literal: number): unknown[] {
  let index = Math.floor(literal);
  if (index < 0) index = items.length + index;
  const item = items[index];
  if (item === undefined) return newSequence();
  if (Array.isArray(item)) return item;
  return sequenceOf(item);
}

function keepMatching(items: readonly unknown[], predicate: (item: unknown) => unknown): Sequence {
  countSteps(items.length);
  const results = newSequence();
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    const value = predicate(item);
    const indexes = isNumeric(value) ? [value] : value;
    if (isArrayOfNumbers(indexes)) {
      for (const wanted of indexes) {
        let position = Math.floor(wanted);
        if (position < 0) position = items.length + position;
        if (position === index) pushItem(results, item);
      }
    } else if (toBoolean(value) === true) {
      pushItem(results, item);
    }
  }
  return results;
}

function isArrayOfNumbers(value: unknown): value is readonly number[] {
  if (!Array.isArray(value)) return false;
  // every item is inspected, as in JSONata, so an infinite one is refused wherever it is
  return value.filter((item) => !isNumeric(item)).length === 0;
}
