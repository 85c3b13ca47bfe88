import type { CompiledMapping } from "./compiled-mapping";
import { createCompiledMapping } from "./compiler/compiled-kind";
import { compileExpression } from "./compiler/compile-expression";
import { createInterpretedMapping } from "./interpreted-mapping";
import { parseJsonataAst } from "./jsonata-adapter";
import { LruCache } from "./lru-cache";
import { toSyntaxError } from "./to-mapping-error";

export const MAPPING_CACHE_CAPACITY = 2_000;

const cache = new LruCache<string, CompiledMapping>(MAPPING_CACHE_CAPACITY);

/**
 * Compiles a mapping, or returns the one compiled earlier from the same text. The text is the
 * key, so a new action version compiles once and an unchanged one never again.
 * The common subset of JSONata becomes JavaScript (`kind: "compiled"`); the rest, and any
 * evaluation the compiled code cannot vouch for, runs in JSONata's interpreter.
 * Throws `MappingSyntaxError` (not cached: fixing the text changes the key anyway).
 */
export function compileMapping(text: string): CompiledMapping {
  let compiled = cache.get(text);
  if (compiled === undefined) {
    compiled = compileText(text);
    cache.set(text, compiled);
  }
  return compiled;
}

function compileText(text: string): CompiledMapping {
  let tree: unknown;
  try {
    tree = parseJsonataAst(text);
  } catch (thrown) {
    throw toSyntaxError(thrown, text);
  }
  const outcome = compileExpression(tree);
  if (!outcome.compiled) return createInterpretedMapping(text);
  let interpreted: CompiledMapping | undefined;
  return createCompiledMapping(text, outcome.expression, () => (interpreted ??= createInterpretedMapping(text)));
}
