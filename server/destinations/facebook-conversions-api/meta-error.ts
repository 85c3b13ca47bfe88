import { z } from "zod";
import { DeliveryError, invalidCredentialsError, retryableError } from "../errors";
import type { HttpResult } from "../http-client";
import { failed } from "../outcomes";
import type { DeliveryOutcome } from "../types";

const graphError = z.object({
  error: z.object({
    message: z.string().optional(),
    code: z.number().optional(),
    error_subcode: z.number().optional(),
    is_transient: z.boolean().optional(),
    error_user_title: z.string().optional(),
    error_user_msg: z.string().optional(),
  }),
});

/** Graph API codes: 190/102 a bad or expired token; 4, 17, 32, 613 throttling; 1 and 2 passing faults. */
const TOKEN_CODES = new Set([102, 190]);
const THROTTLE_CODES = new Set([4, 17, 32, 613]);
const TRANSIENT_CODES = new Set([1, 2]);

/**
 * Reads a Graph API error body beyond its status: Meta answers a bad token and throttling with
 * 400s and marks passing faults `is_transient`. Messages use Meta's words for the user.
 */
export function graphOutcome(result: HttpResult): DeliveryOutcome {
  const { response, outcome } = result;
  if (outcome.status === "delivered" || !response) return outcome;
  const parsed = graphError.safeParse(response.json);
  if (!parsed.success) return outcome;
  const { code, message, is_transient, error_user_title, error_user_msg } = parsed.data.error;
  const said = [error_user_title, error_user_msg].filter(Boolean).join(": ") || message || "no reason given";
  const { status } = response;
  if (code !== undefined && TOKEN_CODES.has(code)) return failed(invalidCredentialsError(status, said));
  if (code !== undefined && THROTTLE_CODES.has(code)) return failed(retryableError("RATE_LIMITED", `Meta is throttling requests (code ${code}): ${said}`, { status }));
  if (is_transient || (code !== undefined && TRANSIENT_CODES.has(code))) {
    return failed(retryableError("UPSTREAM_ERROR", `Meta could not take the events now (code ${code ?? "?"}): ${said}`, { status }));
  }
  const { error } = outcome;
  return failed(new DeliveryError(error.code, `${error.message.replace(/:.*$/, "")}: ${said}`, error.retryable, { status, retryAfterMs: error.retryAfterMs }));
}
