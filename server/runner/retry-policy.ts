/** How a destination's failed deliveries are retried. */
export type RetryPolicy = {
  /** Delay before the first retry; doubles with each attempt. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** How long after the first failure an event is still retried before it becomes a dead letter. */
  retryWindowMs: number;
};

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseDelayMs: 10_000,
  maxDelayMs: 60 * 60_000,
  retryWindowMs: 24 * 60 * 60_000,
};

/**
 * The delay before attempt `attempts + 1`: exponential backoff with jitter (between half and
 * all of the doubled delay, so retries of many events spread out), never sooner than the
 * destination's own Retry-After.
 */
export function retryDelayMs(attempts: number, policy: RetryPolicy, retryAfterMs?: number, random: () => number = Math.random): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  const jittered = exponential / 2 + random() * (exponential / 2);
  return Math.round(Math.max(jittered, retryAfterMs ?? 0));
}

/** Whether a retry at `nextAttemptAt` would fall outside the retry window. */
export function pastRetryWindow(firstFailedAt: number, nextAttemptAt: number, policy: RetryPolicy): boolean {
  return nextAttemptAt - firstFailedAt > policy.retryWindowMs;
}
