export type HealthState = "healthy" | "degraded" | "paused";

export type HealthThresholds = {
  /** The window over which the failure rate is measured. */
  windowMs: number;
  /** Degraded when at least this share of the window's deliveries failed... */
  degradedFailureRate: number;
  /** ...and the window holds at least this many. */
  minSamples: number;
  /** Paused when every delivery has failed for this long (and at least minSamples of them). */
  pauseAfterMs: number;
};

export const DEFAULT_HEALTH_THRESHOLDS: HealthThresholds = {
  windowMs: 5 * 60_000,
  degradedFailureRate: 0.5,
  minSamples: 20,
  pauseAfterMs: 30 * 60_000,
};

export type HealthChange = { state: HealthState; reason: string };

/**
 * Follows one destination's delivery outcomes and says when its health changes. Paused is
 * left only by a user's resume (`resume`), never automatically: a destination that kept
 * failing for so long needs someone to look at it.
 */
export class HealthTracker {
  /** The window's outcomes, counted per `record` call (not one entry per event). */
  private outcomes: Array<{ at: number; ok: number; failed: number }> = [];
  private failingSince: number | null = null;
  private consecutiveFailures = 0;
  private lastError = "";

  constructor(
    public state: HealthState,
    private readonly thresholds: HealthThresholds = DEFAULT_HEALTH_THRESHOLDS,
  ) {}

  /** Records `count` outcomes at `now`; returns the new state when it changed. */
  record(ok: boolean, count: number, now: number, error?: string): HealthChange | null {
    const last = this.outcomes.at(-1);
    if (last && last.at === now) {
      if (ok) last.ok += count;
      else last.failed += count;
    } else {
      this.outcomes.push({ at: now, ok: ok ? count : 0, failed: ok ? 0 : count });
    }
    const oldest = now - this.thresholds.windowMs;
    let drop = 0;
    while (drop < this.outcomes.length && this.outcomes[drop]!.at < oldest) drop++;
    if (drop > 0) this.outcomes.splice(0, drop);
    if (ok) {
      this.failingSince = null;
      this.consecutiveFailures = 0;
    } else {
      this.failingSince ??= now;
      this.consecutiveFailures += count;
      if (error) this.lastError = error;
    }
    return this.evaluate(now);
  }

  resume(): void {
    this.state = "healthy";
    this.outcomes = [];
    this.failingSince = null;
    this.consecutiveFailures = 0;
  }

  private evaluate(now: number): HealthChange | null {
    if (this.state === "paused") return null;
    const { minSamples, pauseAfterMs, degradedFailureRate, windowMs } = this.thresholds;
    const lastError = this.lastError ? ` Last error: ${this.lastError}` : "";
    if (this.failingSince !== null && now - this.failingSince >= pauseAfterMs && this.consecutiveFailures >= minSamples) {
      return this.change("paused", `Every delivery has failed for ${Math.round((now - this.failingSince) / 60_000)} minutes (${this.consecutiveFailures} in a row); delivery is paused until resumed.${lastError}`);
    }
    let failed = 0;
    let total = 0;
    for (const o of this.outcomes) {
      failed += o.failed;
      total += o.ok + o.failed;
    }
    const rate = total > 0 ? failed / total : 0;
    const minutes = Math.round(windowMs / 60_000);
    if (this.state === "healthy" && total >= minSamples && rate >= degradedFailureRate) {
      return this.change("degraded", `${Math.round(rate * 100)}% of ${total} deliveries failed in the last ${minutes} minutes.${lastError}`);
    }
    if (this.state === "degraded" && rate < degradedFailureRate / 2) {
      return this.change("healthy", `The failure rate fell to ${Math.round(rate * 100)}% over the last ${minutes} minutes.`);
    }
    return null;
  }

  private change(state: HealthState, reason: string): HealthChange {
    this.state = state;
    return { state, reason };
  }
}
