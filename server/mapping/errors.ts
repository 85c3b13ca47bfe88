/**
 * Errors of the mapping engine. Each carries a `code` the UI and the runner can branch on, a
 * message a user can act on, and `retryable: false`: a mapping that failed once fails the same
 * way on the same event, so retrying the delivery cannot help.
 */

export type MappingErrorCode =
  | "MAPPING_SYNTAX"
  | "MAPPING_EVALUATION"
  | "MAPPING_TIMEOUT"
  | "MAPPING_DEPTH"
  | "MAPPING_SIZE"
  | "PAYLOAD_INVALID";

/** Where in the mapping text an error points. `line` and `column` count from 1. */
export interface MappingLocation {
  /** JSONata's own offset: the index just past the character it complains about. */
  readonly position: number;
  readonly line: number;
  readonly column: number;
  /** The token JSONata complains about (an operator, a name, a function name), if any. */
  readonly token: string | undefined;
}

/** One problem with a payload, named by the field it concerns. */
export interface PayloadIssue {
  /** Dotted path of the field, e.g. `properties.distinct_id` or `products[0].price`; `""` for the payload itself. */
  readonly path: string;
  readonly message: string;
  /** zod's issue code (`invalid_type`, `too_small`, ...), for tools that branch on the kind. */
  readonly code: string;
}

export abstract class MappingError extends Error {
  abstract readonly code: MappingErrorCode;
  /** Where in the mapping text the error points, when known. */
  abstract readonly location: MappingLocation | undefined;
  readonly retryable = false as const;
}

export class MappingSyntaxError extends MappingError implements MappingLocation {
  readonly code = "MAPPING_SYNTAX" as const;
  readonly name = "MappingSyntaxError";
  readonly position: number;
  readonly line: number;
  readonly column: number;
  readonly token: string | undefined;

  constructor(
    message: string,
    readonly location: MappingLocation,
    /** JSONata's error code (`S0202`...), for documentation links. */
    readonly jsonataCode: string | undefined,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.position = location.position;
    this.line = location.line;
    this.column = location.column;
    this.token = location.token;
  }
}

export class MappingEvaluationError extends MappingError {
  readonly code = "MAPPING_EVALUATION" as const;
  readonly name = "MappingEvaluationError";

  constructor(
    message: string,
    /** Where JSONata says the failing step is; undefined when it does not say. */
    readonly location: MappingLocation | undefined,
    readonly jsonataCode: string | undefined,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export type MappingLimitCode = "MAPPING_TIMEOUT" | "MAPPING_DEPTH" | "MAPPING_SIZE";

/** A mapping exceeded its time budget, its depth limit, or the size of what it may build. */
export class MappingLimitError extends MappingError {
  readonly name = "MappingLimitError";

  constructor(
    readonly code: MappingLimitCode,
    message: string,
    readonly location: MappingLocation | undefined,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The payload a mapping produced does not fit the action's fields. */
export class PayloadValidationError extends MappingError {
  readonly code = "PAYLOAD_INVALID" as const;
  readonly name = "PayloadValidationError";
  readonly location = undefined;

  constructor(readonly issues: readonly PayloadIssue[]) {
    super(`The payload does not fit this action's fields: ${issues.map((issue) => issue.message).join("; ")}.`);
  }
}
