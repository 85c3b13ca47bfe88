import { describe, expect, it } from "vitest";
import { HealthTracker, type HealthThresholds } from "./health";

const thresholds: HealthThresholds = { windowMs: 60_000, degradedFailureRate: 0.5, minSamples: 10, pauseAfterMs: 300_000 };

describe("destination health", () => {
  it("stays healthy with few failures, and with too few samples to judge", () => {
    const health = new HealthTracker("healthy", thresholds);
    expect(health.record(false, 9, 0, "HTTP 500")).toBeNull();
    expect(health.state).toBe("healthy");
    expect(health.record(true, 30, 1_000)).toBeNull();
    expect(health.record(false, 5, 2_000)).toBeNull();
  });

  it("turns degraded over the failure rate, and healthy again once it falls", () => {
    const health = new HealthTracker("healthy", thresholds);
    health.record(true, 10, 0);
    expect(health.record(false, 10, 1_000, "HTTP 503 Service Unavailable")).toEqual({
      state: "degraded",
      reason: "50% of 20 deliveries failed in the last 1 minutes. Last error: HTTP 503 Service Unavailable",
    });
    // The failures age out of the window; successes bring the rate down.
    expect(health.record(true, 40, 70_000)?.state).toBe("healthy");
  });

  it("pauses after sustained failure and stays paused until resumed", () => {
    const health = new HealthTracker("healthy", thresholds);
    expect(health.record(false, 20, 0, "HTTP 500")?.state).toBe("degraded");
    expect(health.record(false, 20, 200_000)).toBeNull();
    const paused = health.record(false, 1, 300_000, "HTTP 500");
    expect(paused?.state).toBe("paused");
    expect(paused?.reason).toMatch(/^Every delivery has failed for 5 minutes \(41 in a row\)/);
    expect(health.record(true, 100, 301_000)).toBeNull();
    expect(health.state).toBe("paused");
    health.resume();
    expect(health.state).toBe("healthy");
  });

  it("does not pause when a success breaks the run of failures", () => {
    const health = new HealthTracker("healthy", thresholds);
    health.record(false, 20, 0);
    health.record(true, 1, 250_000);
    expect(health.record(false, 20, 310_000)?.state).not.toBe("paused");
  });
});
