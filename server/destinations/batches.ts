import { jsonText } from "./json-text";
import type { BatchLimits } from "./types";

export interface SplitBatches<T> {
  /** Each batch's items with their positions in the input, in input order. */
  batches: Array<Array<{ index: number; item: T }>>;
  /** Positions of items that alone exceed `maxBytes`. */
  oversized: number[];
}

/**
 * Splits items, in order, into batches within the API's limits. Sizes are JSON bytes of each
 * item; the request's own envelope (brackets, commas, keys) is left to the limits' margin.
 * Each item's JSON text is remembered for the request body (`json-text.ts`).
 */
export function splitIntoBatches<T>(items: readonly T[], limits: BatchLimits): SplitBatches<T> {
  const batches: SplitBatches<T>["batches"] = [];
  const oversized: number[] = [];
  let current: Array<{ index: number; item: T }> = [];
  let currentBytes = 0;
  items.forEach((item, index) => {
    const bytes = limits.maxBytes === undefined ? 0 : jsonText(item).bytes + 1;
    if (limits.maxBytes !== undefined && bytes > limits.maxBytes) {
      oversized.push(index);
      return;
    }
    const full = current.length >= limits.maxEvents || (limits.maxBytes !== undefined && currentBytes + bytes > limits.maxBytes);
    if (full && current.length > 0) {
      batches.push(current);
      current = [];
      currentBytes = 0;
    }
    current.push({ index, item });
    currentBytes += bytes;
  });
  if (current.length > 0) batches.push(current);
  return { batches, oversized };
}
