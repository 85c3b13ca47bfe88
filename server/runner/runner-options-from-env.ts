import type { RunnerOptions } from "./runner";

function positive(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

/** Runner settings an operator can change without code: SWITCHYARD_RUNNER_* variables. */
export function runnerOptionsFromEnv(): RunnerOptions {
  const options: RunnerOptions = {
    pageSize: positive("SWITCHYARD_RUNNER_PAGE_SIZE"),
    leaseMs: positive("SWITCHYARD_RUNNER_LEASE_MS"),
    pollIntervalMs: positive("SWITCHYARD_RUNNER_POLL_MS"),
    concurrency: positive("SWITCHYARD_RUNNER_CONCURRENCY"),
    requestsPerSecond: positive("SWITCHYARD_RUNNER_REQUESTS_PER_SECOND"),
    requestTimeoutMs: positive("SWITCHYARD_RUNNER_REQUEST_TIMEOUT_MS"),
  };
  const retryWindowHours = positive("SWITCHYARD_RETRY_WINDOW_HOURS");
  const retryBaseMs = positive("SWITCHYARD_RETRY_BASE_DELAY_MS");
  if (retryWindowHours !== undefined || retryBaseMs !== undefined) {
    options.retryPolicy = {
      baseDelayMs: retryBaseMs ?? 10_000,
      maxDelayMs: 60 * 60_000,
      retryWindowMs: (retryWindowHours ?? 24) * 3600_000,
    };
  }
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as RunnerOptions;
}
