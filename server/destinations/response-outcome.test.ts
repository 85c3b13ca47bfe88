import { describe, expect, it } from "vitest";
import { outcomeForResponse } from "./response-outcome";

const NOW = Date.parse("2025-06-02T12:00:00Z");

type Expected = "delivered" | { code: string; retryable: boolean; retryAfterMs?: number; message?: string };

/** status, headers, body → outcome. One line a case. */
const CASES: Array<[number, Record<string, string>, string, Expected]> = [
  [200, {}, "{}", "delivered"],
  [201, {}, "", "delivered"],
  [202, {}, "accepted", "delivered"],
  [204, {}, "", "delivered"],
  [299, {}, "", "delivered"],
  [408, {}, "", { code: "UPSTREAM_ERROR", retryable: true }],
  [409, {}, "", { code: "UPSTREAM_ERROR", retryable: true }],
  [423, {}, "", { code: "UPSTREAM_ERROR", retryable: true }],
  [429, {}, "", { code: "RATE_LIMITED", retryable: true, message: "The destination is rate limiting requests (HTTP 429)" }],
  [429, { "retry-after": "30" }, "", { code: "RATE_LIMITED", retryable: true, retryAfterMs: 30_000 }],
  [429, { "retry-after": "1.5" }, "", { code: "RATE_LIMITED", retryable: true, retryAfterMs: 1_500 }],
  [429, { "retry-after": "Mon, 02 Jun 2025 12:01:00 GMT" }, "", { code: "RATE_LIMITED", retryable: true, retryAfterMs: 60_000 }],
  [429, { "retry-after": "Mon, 02 Jun 2025 11:00:00 GMT" }, "", { code: "RATE_LIMITED", retryable: true, retryAfterMs: 0 }],
  [429, { "retry-after": "soon" }, "", { code: "RATE_LIMITED", retryable: true, retryAfterMs: undefined }],
  [503, { "retry-after": "120" }, "", { code: "UPSTREAM_ERROR", retryable: true, retryAfterMs: 120_000 }],
  [500, {}, "Internal Server Error", { code: "UPSTREAM_ERROR", retryable: true, message: "The destination could not take the request now (HTTP 500): Internal Server Error" }],
  [502, {}, "<html>Bad Gateway</html>", { code: "UPSTREAM_ERROR", retryable: true }],
  [504, {}, "", { code: "UPSTREAM_ERROR", retryable: true }],
  [599, {}, "", { code: "UPSTREAM_ERROR", retryable: true }],
  [501, {}, "Not Implemented", { code: "REJECTED", retryable: false }],
  [400, {}, '{"error":"bad field"}', { code: "REJECTED", retryable: false, message: "The destination rejected the request (HTTP 400): bad field" }],
  [400, {}, "", { code: "REJECTED", retryable: false, message: "The destination rejected the request (HTTP 400)" }],
  [404, {}, "no_service", { code: "REJECTED", retryable: false, message: "The destination rejected the request (HTTP 404): no_service" }],
  [413, {}, '{"message":"Payload too large"}', { code: "REJECTED", retryable: false }],
  [422, {}, '{"errors":[{"message":"email is invalid"}]}', { code: "REJECTED", retryable: false, message: "The destination rejected the request (HTTP 422): email is invalid" }],
  [
    401,
    {},
    '{"error":"Invalid token"}',
    {
      code: "INVALID_CREDENTIALS",
      retryable: false,
      message: "The destination refused the credentials (HTTP 401). Check the API key or token in this destination's settings. It said: Invalid token",
    },
  ],
  [403, {}, "", { code: "INVALID_CREDENTIALS", retryable: false, message: "The destination refused the credentials (HTTP 403). Check the API key or token in this destination's settings." }],
  [301, { location: "https://new.example.com/hook" }, "", { code: "REJECTED", retryable: false, message: "The destination answered with a redirect (HTTP 301) to https://new.example.com/hook; update the URL in its settings" }],
  [304, {}, "", { code: "REJECTED", retryable: false }],
];

describe("outcomeForResponse: the one status → outcome rule", () => {
  it.each(CASES)("HTTP %i %j %j", (status, headers, text, expected) => {
    const outcome = outcomeForResponse({ status, headers, text }, NOW);
    if (expected === "delivered") {
      expect(outcome).toEqual({ status: "delivered" });
      return;
    }
    if (outcome.status !== "failed") throw new Error(`HTTP ${status} should fail`);
    const error = outcome.error.toJSON();
    expect(error).toMatchObject({ code: expected.code, retryable: expected.retryable, status });
    if ("retryAfterMs" in expected) expect(error.retryAfterMs).toBe(expected.retryAfterMs);
    if (expected.message) expect(error.message).toBe(expected.message);
  });

  it("keeps long error bodies to a short excerpt", () => {
    const outcome = outcomeForResponse({ status: 400, headers: {}, text: "x".repeat(5_000) }, NOW);
    expect(outcome.status === "failed" && outcome.error.message.length).toBeLessThan(400);
  });
});
