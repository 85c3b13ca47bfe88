import { retryableError } from "./errors";
import type { DeliveryError } from "./errors";

/** A request that got no answer: a timeout, or a connection that failed (both retryable). */
export function networkError(cause: unknown, timeoutMs: number): DeliveryError {
  if (cause instanceof DOMException && (cause.name === "TimeoutError" || cause.name === "AbortError")) {
    return retryableError("TIMEOUT", `The destination did not answer within ${timeoutMs / 1000} s`);
  }
  const detail = cause instanceof Error ? describe(cause) : String(cause);
  return retryableError("NETWORK_ERROR", `Could not reach the destination: ${detail}`);
}

/** fetch hides the reason (ECONNREFUSED, ENOTFOUND...) in `cause`. */
function describe(error: Error): string {
  const cause = error.cause;
  if (cause instanceof Error) {
    return "code" in cause && typeof cause.code === "string" ? `${cause.code} (${cause.message})` : cause.message;
  }
  return error.message;
}
