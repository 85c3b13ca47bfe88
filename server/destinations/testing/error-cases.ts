import type { DeliveryErrorRecord } from "../errors";
import type { DeliveryOutcome } from "../types";
import type { ScriptedReply } from "./local-api";

export interface ErrorCase {
  name: string;
  reply: ScriptedReply;
  expected: Partial<DeliveryErrorRecord>;
}

/**
 * How every destination must read the common error answers (DESIGN.md): one line a case, run by
 * each destination's test against its own default action.
 */
export const STANDARD_ERROR_CASES: readonly ErrorCase[] = [
  {
    name: "429 with Retry-After in seconds → retryable, waits as asked",
    reply: { status: 429, headers: { "Retry-After": "7" }, body: { error: "Too many requests" } },
    expected: { code: "RATE_LIMITED", retryable: true, status: 429, retryAfterMs: 7000 },
  },
  { name: "500 → retryable", reply: { status: 500, body: "oops" }, expected: { code: "UPSTREAM_ERROR", retryable: true, status: 500 } },
  { name: "503 → retryable", reply: { status: 503, body: "" }, expected: { code: "UPSTREAM_ERROR", retryable: true, status: 503 } },
  { name: "501 → final", reply: { status: 501, body: "" }, expected: { code: "REJECTED", retryable: false, status: 501 } },
  { name: "408 → retryable", reply: { status: 408, body: "" }, expected: { code: "UPSTREAM_ERROR", retryable: true, status: 408 } },
  {
    name: "400 → final, with the API's words",
    reply: { status: 400, body: { error: "The payload is malformed" } },
    expected: { code: "REJECTED", retryable: false, status: 400, message: "The destination rejected the request (HTTP 400): The payload is malformed" },
  },
  { name: "401 → wrong credentials", reply: { status: 401, body: { error: "Unauthorized" } }, expected: { code: "INVALID_CREDENTIALS", retryable: false, status: 401 } },
  { name: "403 → wrong credentials", reply: { status: 403, body: "" }, expected: { code: "INVALID_CREDENTIALS", retryable: false, status: 403 } },
  { name: "404 → final", reply: { status: 404, body: "Not Found" }, expected: { code: "REJECTED", retryable: false, status: 404 } },
];

/** The error of a failed outcome as plain data, for `toMatchObject`; throws for a delivered one. */
export function errorOf(outcome: DeliveryOutcome | undefined): DeliveryErrorRecord {
  if (outcome?.status !== "failed") throw new Error(`Expected a failed outcome, got ${JSON.stringify(outcome)}`);
  return outcome.error.toJSON();
}
