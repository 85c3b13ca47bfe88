/** What one evaluation of a mapping may spend. */
export interface MappingLimits {
  /** Wall-clock budget in milliseconds, checked at every evaluation step. */
  readonly timeoutMs: number;
  /** Deepest nesting of evaluation steps (recursion) before the mapping is stopped. */
  readonly maxDepth: number;
  /** Most items a sequence (array) built during evaluation may hold. */
  readonly maxSequenceLength: number;
  /** Longest string any evaluation step may produce. */
  readonly maxStringLength: number;
}

/**
 * Events are at most 32 KB, so a payload never needs lists of 100,000 items or strings of a
 * million characters; anything bigger is a runaway expression. Budget and depth follow DESIGN.md.
 */
export const DEFAULT_MAPPING_LIMITS: MappingLimits = Object.freeze({
  timeoutMs: 50,
  maxDepth: 200,
  maxSequenceLength: 100_000,
  maxStringLength: 1_000_000,
});

/** Fills in defaults and rejects limits that would switch a guard off (0, negative, NaN). */
export function resolveLimits(limits: Partial<MappingLimits> | undefined): MappingLimits {
  if (limits === undefined) return DEFAULT_MAPPING_LIMITS;
  const resolved: MappingLimits = { ...DEFAULT_MAPPING_LIMITS, ...limits };
  for (const [name, value] of Object.entries(resolved)) {
    if (!Number.isInteger(value) || value <= 0) {
      throw new RangeError(`Mapping limit ${name} must be a positive integer, got ${String(value)}`);
    }
  }
  return resolved;
}

export function limitsKey(limits: MappingLimits): string {
  return `${limits.timeoutMs}/${limits.maxDepth}/${limits.maxSequenceLength}/${limits.maxStringLength}`;
}

/** The code an evaluation throws when it would build a string longer than its limit. */
export const STRING_TOO_LONG = "SWITCHYARD_STRING_TOO_LONG";

export interface StringTooLong {
  readonly code: typeof STRING_TOO_LONG;
  readonly value: number;
  readonly message: string;
}

export function stringTooLong(maxStringLength: number): StringTooLong {
  return {
    code: STRING_TOO_LONG,
    value: maxStringLength,
    message: `A step produced a string longer than ${maxStringLength} characters`,
  };
}
