/**
 * Why a delivery failed, in words the user can act on, and whether sending again can help.
 *
 * - Retryable: `RATE_LIMITED` (429), `UPSTREAM_ERROR` (408, 409, 423, 5xx but 501), `TIMEOUT`,
 *   `NETWORK_ERROR`, and `BATCH_INCOMPLETE` (the API refused a batch because of *other* events
 *   in it; this one is fine and goes again).
 * - Final: `INVALID_CREDENTIALS` (401/403: the destination's settings need fixing),
 *   `REJECTED` (any other 4xx, or an API-level refusal of this event), `PAYLOAD_INVALID`
 *   (the mapped payload cannot be sent as it is), `SETTINGS_INVALID`, `INTERNAL_ERROR`
 *   (a bug in Switchyard's own destination code).
 */
export type DeliveryErrorCode =
  | "RATE_LIMITED"
  | "UPSTREAM_ERROR"
  | "TIMEOUT"
  | "NETWORK_ERROR"
  | "BATCH_INCOMPLETE"
  | "INVALID_CREDENTIALS"
  | "REJECTED"
  | "PAYLOAD_INVALID"
  | "SETTINGS_INVALID"
  | "INTERNAL_ERROR";

export interface DeliveryErrorDetails {
  /** The HTTP status the destination answered with, when it answered. */
  status?: number;
  /** How long the destination asked us to wait (its `Retry-After`), in milliseconds. */
  retryAfterMs?: number;
}

/** The JSON form the runner stores in the delivery log and the dead-letter queue. */
export interface DeliveryErrorRecord extends DeliveryErrorDetails {
  code: DeliveryErrorCode;
  message: string;
  retryable: boolean;
}

export class DeliveryError extends Error {
  readonly name = "DeliveryError";
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(
    readonly code: DeliveryErrorCode,
    message: string,
    readonly retryable: boolean,
    details: DeliveryErrorDetails = {},
  ) {
    super(message);
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
  }

  toJSON(): DeliveryErrorRecord {
    const record: DeliveryErrorRecord = { code: this.code, message: this.message, retryable: this.retryable };
    if (this.status !== undefined) record.status = this.status;
    if (this.retryAfterMs !== undefined) record.retryAfterMs = this.retryAfterMs;
    return record;
  }
}

type RetryableCode = "RATE_LIMITED" | "UPSTREAM_ERROR" | "TIMEOUT" | "NETWORK_ERROR" | "BATCH_INCOMPLETE";
type FinalCode = Exclude<DeliveryErrorCode, RetryableCode | "INVALID_CREDENTIALS">;

/** A failure that a later attempt can get past (throttling, an outage, a dropped connection). */
export function retryableError(code: RetryableCode, message: string, details?: DeliveryErrorDetails): DeliveryError {
  return new DeliveryError(code, message, true, details);
}

/** A failure that repeats on every attempt with the same payload and settings. */
export function finalError(code: FinalCode, message: string, details?: DeliveryErrorDetails): DeliveryError {
  return new DeliveryError(code, message, false, details);
}

/** 401/403: the destination refused the credentials in its settings. */
export function invalidCredentialsError(status: number, apiMessage?: string): DeliveryError {
  const said = apiMessage ? ` It said: ${apiMessage}` : "";
  return new DeliveryError(
    "INVALID_CREDENTIALS",
    `The destination refused the credentials (HTTP ${status}). Check the API key or token in this destination's settings.${said}`,
    false,
    { status },
  );
}
