import type { CompiledMapping } from "./compiled-mapping";
import type { JsonValue } from "./json-value";
import type { MappingLimits } from "./limits";
import { resolveLimits } from "./limits";

/**
 * Evaluates a compiled mapping over one event within its limits (defaults: 50 ms, 200 levels)
 * and returns the payload as plain JSON, `undefined` when nothing matched.
 * Rejects with `MappingEvaluationError` or `MappingLimitError`: runaway loops, recursion and
 * huge lists or strings are stopped (see `jsonata-adapter.ts` for what is guarded, and how).
 * Evaluations run one at a time (compiled ones synchronously, interpreted ones through
 * `serial-queue.ts`), so start as many as you like.
 */
export async function evaluateMapping(
  compiled: CompiledMapping,
  event: unknown,
  limits?: Partial<MappingLimits>,
): Promise<JsonValue | undefined> {
  return compiled.evaluate(event, resolveLimits(limits));
}
