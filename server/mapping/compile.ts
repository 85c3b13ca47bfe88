import type { CompiledMapping } from "./compiled-mapping";
import { createInterpretedMapping } from "./interpreted-mapping";
import { LruCache } from "./lru-cache";

export const MAPPING_CACHE_CAPACITY = 2_000;

const cache = new LruCache<string, CompiledMapping>(MAPPING_CACHE_CAPACITY);

/**
 * Compiles a mapping, or returns the one compiled earlier from the same text. The text is the
 * key, so a new action version compiles once and an unchanged one never again.
 * Throws `MappingSyntaxError` (not cached: fixing the text changes the key anyway).
 */
export function compileMapping(text: string): CompiledMapping {
  let compiled = cache.get(text);
  if (compiled === undefined) {
    compiled = createInterpretedMapping(text);
    cache.set(text, compiled);
  }
  return compiled;
}
