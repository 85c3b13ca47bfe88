import type { Db } from "../db";
import type { HttpAttempt } from "../destinations/http-client";
import type { DeliveryFailure } from "./failure";
import type { HealthChange } from "./health";
import { writeAttempts } from "./record-attempts";
import { writeOutcomes } from "./record-outcomes";
import type { RetryPolicy } from "./retry-policy";
import { holdBackBlockedRetries, pairsWithPendingRetries } from "./user-order-records";

/** How many times a page of due retries is read again after retries that must wait had filled it. */
const USER_ORDER_ROUNDS = 3;

export type DueRetry = { id: string; actionId: string; position: number; userKey: string | null; attempts: number; firstFailedAt: number };

/** What became of one event for one action; `retry` set when the event came from the retry table. */
export type CycleOutcome = { actionId: string; position: number; userKey: string | null; failure: DeliveryFailure | null; retry?: DueRetry };

/** What a delivery cycle decided for its due retries, or for its page of new events; written in one transaction. */
export type CycleRecord = {
  destinationId: string;
  owner: string;
  /** Whether the destination keeps each user's events in order (its definition's `keepsUserOrder`). */
  keepsUserOrder: boolean;
  /** The new cursor position (the page's last event), or null when the cycle read no page. */
  cursor: number | null;
  attempts: Array<{ actionId: string; positions: number[]; status: string; attempt: HttpAttempt }>;
  outcomes: CycleOutcome[];
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
    const now = new Date();
    const take = () =>
      this.db.deliveryCursor.updateManyAndReturn({
        where: { destinationId, OR: [{ leaseOwner: null }, { leaseOwner: owner }, { leaseExpiresAt: { lt: now } }] },
        data: { leaseOwner: owner, leaseExpiresAt: new Date(now.getTime() + leaseMs) },
        select: { position: true },
      });
    let claimed = await take();
    if (claimed.length === 0 && !(await this.db.deliveryCursor.findUnique({ where: { destinationId }, select: { destinationId: true } }))) {
      await this.db.deliveryCursor.createMany({ data: [{ destinationId, position: await initialPosition() }] }).catch(() => undefined);
      claimed = await take();
    }
    return claimed.length === 0 ? null : Number(claimed[0]!.position);
  }

  async release(destinationId: string, owner: string): Promise<void> {
    await this.db.deliveryCursor.updateMany({ where: { destinationId, leaseOwner: owner }, data: { leaseOwner: null, leaseExpiresAt: null } });
  }

  /**
   * A page of due retries, earliest first (and in log order at the same time). For a destination
   * that keeps user order, without those that must wait for an earlier retry of the same user:
   * they are moved to their blocker's time, and the page is read again (a few times at most)
   * when they had filled it, so other users' retries do not wait behind them.
   */
  async dueRetries(destinationId: string, limit: number, keepsUserOrder: boolean): Promise<{ retries: DueRetry[]; more: boolean }> {
    for (let round = 1; ; round++) {
      const due = await this.duePage(destinationId, limit);
      const more = due.length === limit;
      if (!keepsUserOrder) return { retries: due, more };
      const retries = await holdBackBlockedRetries(this.db, destinationId, due);
      if (retries.length === due.length || !more || round === USER_ORDER_ROUNDS) return { retries, more };
    }
  }

  private async duePage(destinationId: string, limit: number): Promise<DueRetry[]> {
    const rows = await this.db.deliveryRetry.findMany({
      where: { destinationId, nextAttemptAt: { lte: new Date() } },
      orderBy: [{ nextAttemptAt: "asc" }, { eventPosition: "asc" }],
      take: limit,
    });
    return rows.map((r) => ({
      id: r.id,
      actionId: r.actionId,
      position: Number(r.eventPosition),
      userKey: r.userKey,
      attempts: r.attempts,
      firstFailedAt: r.firstFailedAt.getTime(),
    }));
  }

  /** The pairs of these actions and users that have a pending retry, as `pairKey`s. */
  pendingUserPairs(destinationId: string, actionIds: readonly string[], userKeys: readonly string[]): Promise<Set<string>> {
    return pairsWithPendingRetries(this.db, destinationId, actionIds, userKeys);
  }

  /**
   * Records a cycle: the requests made, what became of each event (`writeOutcomes`), and then
   * the cursor. Nothing is written unless this runner still holds the lease; otherwise the
   * other runner repeats the page and the retries (deliveries are at least once).
   */
  async record(cycle: CycleRecord): Promise<boolean> {
    const now = Date.now();
    return this.db.$transaction(async (tx) => {
      const where = { destinationId: cycle.destinationId, leaseOwner: cycle.owner };
      const leased = cycle.cursor === null ? await tx.deliveryCursor.count({ where }) : (await tx.deliveryCursor.updateMany({ where, data: { position: cycle.cursor } })).count;
      if (leased === 0) return false;
      await writeAttempts(
        this.db,
        tx,
        cycle.attempts.map(({ actionId, positions, status, attempt }) => ({
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
      );
      await writeOutcomes(tx, cycle, this.policy, now);
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
