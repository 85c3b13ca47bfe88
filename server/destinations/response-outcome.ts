import { apiMessage } from "./api-message";
import { finalError, invalidCredentialsError, retryableError } from "./errors";
import { DELIVERED, failed } from "./outcomes";
import { parseRetryAfter } from "./retry-after";
import type { DeliveryOutcome } from "./types";

/** What a destination answered: header names in lower case, the whole body as text. */
export interface ResponseLike {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/** Statuses below 500 after which the same request may succeed later. */
const RETRYABLE_CLIENT_STATUSES = new Set([408, 409, 423, 429]);

/**
 * The one rule for turning an HTTP answer into an outcome, shared by every destination:
 * 2xx delivered; 408, 409, 423, 429 and 5xx except 501 retryable (honouring `Retry-After`);
 * 401/403 final with `INVALID_CREDENTIALS`; any other status final with `REJECTED` and the API's
 * own words. Destinations that read more from a body (per-event results) start from this.
 */
export function outcomeForResponse(response: ResponseLike, now: number = Date.now()): DeliveryOutcome {
  const { status } = response;
  if (status >= 200 && status < 300) return DELIVERED;

  const said = apiMessage(response.text);
  const saying = said ? `: ${said}` : "";
  if (status === 401 || status === 403) return failed(invalidCredentialsError(status, said || undefined));

  if (RETRYABLE_CLIENT_STATUSES.has(status) || (status >= 500 && status !== 501)) {
    const retryAfterMs = parseRetryAfter(response.headers["retry-after"], now);
    const details = retryAfterMs === undefined ? { status } : { status, retryAfterMs };
    return status === 429
      ? failed(retryableError("RATE_LIMITED", `The destination is rate limiting requests (HTTP 429)${saying}`, details))
      : failed(retryableError("UPSTREAM_ERROR", `The destination could not take the request now (HTTP ${status})${saying}`, details));
  }

  if (status >= 300 && status < 400) {
    const location = response.headers["location"];
    const to = location ? ` to ${location}` : "";
    return failed(finalError("REJECTED", `The destination answered with a redirect (HTTP ${status})${to}; update the URL in its settings`, { status }));
  }
  return failed(finalError("REJECTED", `The destination rejected the request (HTTP ${status})${saying}`, { status }));
}
