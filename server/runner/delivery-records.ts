import type { Db } from "../db";
import type { HttpAttempt } from "../destinations/http-client";
import type { DeliveryFailure } from "./failure";
import type { HealthChange } from "./health";
import { pastRetryWindow, retryDelayMs, type RetryPolicy } from "./retry-policy";

export type DueRetry = { id: string; actionId: string; position: number; attempts: number; firstFailedAt: number };

/** What one delivery cycle decided, written in one transaction. */
export type CycleRecord = {
  destinationId: string;
  owner: string;
  /** The new cursor position (the page's last event), or null when the cycle read no page. */
  cursor: number | null;
  attempts: Array<{ actionId: string; positions: number[]; status: string; attempt: HttpAttempt }>;
  /** Outcomes, per event and action; `retry` set when the event came from the retry table. */
  outcomes: Array<{ actionId: string; position: number; failure: DeliveryFailure | null; retry?: DueRetry }>;
};

/** Reads and writes the runner's tables: cursors and their leases, retries, dead letters, attempts, health. */
export class DeliveryRecords {
  constructor(
    private readonly db: Db,
    private readonly policy: RetryPolicy,
  ) {}

  /**
   * Takes (or renews) the lease on a destination's cursor and returns its position, or null
   * when another runner holds an unexpired lease. One conditional UPDATE: of two runners
   * racing for the same row, exactly one matches.
   */
  async claim(destinationId: string, owner: string, leaseMs: number, initialPosition: () => Promise<number>): Promise<number | null> {
    const existing = await this.db.deliveryCursor.findUnique({ where: { destinationId } });
    if (!existing) {
      await this.db.deliveryCursor.createMany({ data: [{ destinationId, position: await initialPosition() }] }).catch(() => undefined);
    }
    const now = new Date();
    const claimed = await this.db.deliveryCursor.updateMany({
      where: { destinationId, OR: [{ leaseOwner: null }, { leaseOwner: owner }, { leaseExpiresAt: { lt: now } }] },
      data: { leaseOwner: owner, leaseExpiresAt: new Date(now.getTime() + leaseMs) },
    });
    if (claimed.count === 0) return null;
    const cursor = await this.db.deliveryCursor.findUniqueOrThrow({ where: { destinationId } });
    return Number(cursor.position);
  }

  async release(destinationId: string, owner: string): Promise<void> {
    await this.db.deliveryCursor.updateMany({ where: { destinationId, leaseOwner: owner }, data: { leaseOwner: null, leaseExpiresAt: null } });
  }

  async dueRetries(destinationId: string, limit: number): Promise<DueRetry[]> {
    const rows = await this.db.deliveryRetry.findMany({
      where: { destinationId, nextAttemptAt: { lte: new Date() } },
      orderBy: [{ nextAttemptAt: "asc" }],
      take: limit,
    });
    return rows.map((r) => ({ id: r.id, actionId: r.actionId, position: Number(r.eventPosition), attempts: r.attempts, firstFailedAt: r.firstFailedAt.getTime() }));
  }

  /**
   * Records a cycle: the requests made, a retry row for each retryable failure (a dead letter
   * once past the retry window), a dead letter for each final failure, and then the cursor.
   * The cursor moves only if this runner still holds the lease; otherwise nothing is written
   * and the other runner repeats the page (deliveries are at least once).
   */
  async record(cycle: CycleRecord): Promise<boolean> {
    const now = Date.now();
    return this.db.$transaction(async (tx) => {
      if (cycle.cursor !== null) {
        const moved = await tx.deliveryCursor.updateMany({
          where: { destinationId: cycle.destinationId, leaseOwner: cycle.owner },
          data: { position: cycle.cursor },
        });
        if (moved.count === 0) return false;
      }
      if (cycle.attempts.length > 0) {
        await tx.deliveryAttempt.createMany({
          data: cycle.attempts.map(({ actionId, positions, status, attempt }) => ({
            destinationId: cycle.destinationId,
            actionId,
            eventPositions: JSON.stringify(positions),
            eventCount: positions.length,
            status,
            request: JSON.stringify(attempt.request),
            responseStatus: attempt.response?.status ?? null,
            responseBody: attempt.response?.body ?? null,
            durationMs: Math.round(attempt.durationMs),
            error: attempt.error ?? null,
          })),
        });
      }
      for (const outcome of cycle.outcomes) {
        const { retry, failure } = outcome;
        if (failure === null) {
          if (retry) await tx.deliveryRetry.deleteMany({ where: { id: retry.id } });
          continue;
        }
        const attempts = (retry?.attempts ?? 0) + 1;
        const firstFailedAt = retry?.firstFailedAt ?? now;
        const nextAttemptAt = now + retryDelayMs(attempts, this.policy, failure.retryAfterMs);
        if (failure.retryable && !pastRetryWindow(firstFailedAt, nextAttemptAt, this.policy)) {
          const data = { attempts, nextAttemptAt: new Date(nextAttemptAt), lastError: failure.message, lastErrorCode: failure.code };
          await tx.deliveryRetry.upsert({
            where: { actionId_eventPosition: { actionId: outcome.actionId, eventPosition: outcome.position } },
            create: { destinationId: cycle.destinationId, actionId: outcome.actionId, eventPosition: outcome.position, firstFailedAt: new Date(firstFailedAt), ...data },
            update: data,
          });
          continue;
        }
        if (retry) await tx.deliveryRetry.deleteMany({ where: { id: retry.id } });
        const gaveUp = failure.retryable ? `Gave up after ${attempts} attempts over the retry window. Last error: ` : "";
        await tx.deadLetter.create({
          data: { destinationId: cycle.destinationId, actionId: outcome.actionId, eventPosition: outcome.position, attempts, error: `${gaveUp}${failure.message}`, errorCode: failure.code },
        });
      }
      return true;
    });
  }

  async recordHealth(destinationId: string, change: HealthChange): Promise<void> {
    await this.db.$transaction([
      this.db.destination.update({ where: { id: destinationId }, data: { health: change.state, healthReason: change.reason, healthChangedAt: new Date() } }),
      this.db.destinationHealthChange.create({ data: { destinationId, state: change.state, reason: change.reason } }),
    ]);
  }
}
