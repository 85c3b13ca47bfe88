import { describe, expect, it } from "vitest";
import { pastRetryWindow, retryDelayMs, type RetryPolicy } from "./retry-policy";

const policy: RetryPolicy = { baseDelayMs: 1_000, maxDelayMs: 60_000, retryWindowMs: 3_600_000 };

describe("retry policy", () => {
  it.each([
    // attempts, random, Retry-After, expected delay
    [1, 0, undefined, 500],
    [1, 1, undefined, 1_000],
    [2, 1, undefined, 2_000],
    [3, 0.5, undefined, 3_000],
    [10, 1, undefined, 60_000],
    [20, 0, undefined, 30_000],
    [1, 0, 45_000, 45_000],
    [3, 1, 1_000, 4_000],
  ])("attempt %i with jitter %d and Retry-After %s waits %i ms", (attempts, random, retryAfter, expected) => {
    expect(retryDelayMs(attempts, policy, retryAfter, () => random)).toBe(expected);
  });

  it("gives up once the next attempt falls outside the window", () => {
    expect(pastRetryWindow(0, 3_600_000, policy)).toBe(false);
    expect(pastRetryWindow(0, 3_600_001, policy)).toBe(true);
  });
});
