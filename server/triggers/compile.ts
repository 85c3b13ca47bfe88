import type { TriggerNode } from "./ast";
import { evaluateTrigger } from "./evaluate";
import { parseTrigger } from "./parse";

export type TriggerPredicate = (event: unknown) => boolean;

/** How many distinct trigger texts stay parsed; the least recently used is dropped first. */
export const TRIGGER_CACHE_LIMIT = 1_000;

const cache = new Map<string, TriggerPredicate>();

/**
 * Parses a trigger once and returns a predicate over events. The runner calls this per event,
 * so predicates are cached by text (a Map kept in recency order). Throws `TriggerSyntaxError`.
 */
export function compileTrigger(text: string): TriggerPredicate {
  const cached = cache.get(text);
  if (cached) {
    cache.delete(text);
    cache.set(text, cached);
    return cached;
  }
  const node: TriggerNode = parseTrigger(text);
  const predicate: TriggerPredicate = (event) => evaluateTrigger(node, event);
  cache.set(text, predicate);
  if (cache.size > TRIGGER_CACHE_LIMIT) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  return predicate;
}
