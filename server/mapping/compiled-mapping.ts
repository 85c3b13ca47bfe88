import type { JsonValue } from "./json-value";
import type { MappingLimits } from "./limits";

/**
 * How a mapping runs: JSONata's interpreter, or JavaScript compiled from the common subset of
 * JSONata (`compiler/`), with identical results; `compileMapping` falls back to the interpreter
 * for what it cannot compile.
 */
export type MappingKind = "interpreted" | "compiled";

export interface CompiledMapping {
  readonly kind: MappingKind;
  /** The expression text; also the cache key. */
  readonly text: string;
  /**
   * Evaluates the mapping over one Segment-spec event and returns plain JSON (`undefined` when
   * nothing matched). Rejects with a `MappingError`. `limits` are taken as given (complete and
   * valid, see `resolveLimits`); `evaluateMapping` is the entry point that fills them in.
   */
  evaluate(event: unknown, limits?: MappingLimits): Promise<JsonValue | undefined>;
}
