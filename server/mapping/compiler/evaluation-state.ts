/**
 * Per-evaluation settings read by the runtime helpers. Compiled evaluations are synchronous and
 * never nest, so one module-level record set at the start of each run is enough, and cheaper
 * than threading it through every helper.
 */
export const evaluationState = {
  /** Longest string a step may produce (`MappingLimits.maxStringLength`). */
  maxStringLength: 1_000_000,
  /** Most items a sequence may hold (`MappingLimits.maxSequenceLength`). */
  maxSequenceLength: 100_000,
  /** `$now()` / `$millis()`: one instant per evaluation, as in JSONata. */
  nowMillis: 0,
  /** Items the loops over lists may still visit in this evaluation (see `countSteps`). */
  stepsLeft: 0,
};

/**
 * Loop items allowed per millisecond of `timeoutMs`: 250,000 at the default 50 ms, which takes
 * the compiled code 5-25 ms. Mappings over a 32 KB event visit thousands at most; only
 * expressions that nest loops over large lists (`a.( $$.a.( ... ) )`) come near it.
 */
export const STEPS_PER_MILLISECOND = 5_000;
