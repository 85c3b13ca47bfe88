import type { Prisma } from "../generated/sqlite/client";
import type { DueRetry } from "./delivery-records";
import { pairKey } from "./user-order";

/** The retry table, through the client or inside a transaction. */
export type RetryTable = Pick<Prisma.TransactionClient, "deliveryRetry">;

type Pair = { actionId: string; userKey: string };

/** The pairs of these actions and users that have a pending retry: their new events must wait. */
export async function pairsWithPendingRetries(db: RetryTable, destinationId: string, actionIds: readonly string[], userKeys: readonly string[]): Promise<Set<string>> {
  if (actionIds.length === 0 || userKeys.length === 0) return new Set();
  const groups = await db.deliveryRetry.groupBy({
    by: ["actionId", "userKey"],
    where: { destinationId, actionId: { in: [...new Set(actionIds)] }, userKey: { in: [...new Set(userKeys)] } },
  });
  return new Set(groups.flatMap((g) => (g.userKey === null ? [] : [pairKey(g.actionId, g.userKey)])));
}

/**
 * Of a page of due retries, those that may be sent now: a retry waits while a retry of an
 * earlier event of the same (action, user) is pending and not in the page (not due yet, or
 * due but beyond the page). The waiting ones, and every later retry of their pair, move to
 * their blocker's time: they stop being due before it, so they cannot fill the next pages
 * while other users' retries wait behind them, and the blocker sorts before them.
 */
export async function holdBackBlockedRetries(db: RetryTable, destinationId: string, due: readonly DueRetry[]): Promise<DueRetry[]> {
  const keyed = due.filter((r): r is DueRetry & { userKey: string } => r.userKey !== null);
  if (keyed.length === 0) return [...due];
  const outside = await db.deliveryRetry.groupBy({
    by: ["actionId", "userKey"],
    where: {
      destinationId,
      actionId: { in: [...new Set(keyed.map((r) => r.actionId))] },
      userKey: { in: [...new Set(keyed.map((r) => r.userKey))] },
      id: { notIn: due.map((r) => r.id) },
    },
    _min: { eventPosition: true },
  });
  const firstOutside = new Map<string, Pair & { position: number }>();
  for (const g of outside) {
    if (g.userKey === null || g._min.eventPosition === null) continue;
    firstOutside.set(pairKey(g.actionId, g.userKey), { actionId: g.actionId, userKey: g.userKey, position: Number(g._min.eventPosition) });
  }
  const blockerOf = (r: DueRetry) => {
    const blocker = r.userKey === null ? undefined : firstOutside.get(pairKey(r.actionId, r.userKey));
    return blocker && blocker.position < r.position ? blocker : undefined;
  };
  const blockers = new Map<string, Pair & { position: number }>();
  for (const r of due) {
    const blocker = blockerOf(r);
    if (blocker) blockers.set(pairKey(blocker.actionId, blocker.userKey), blocker);
  }
  if (blockers.size === 0) return [...due];
  const rows = await db.deliveryRetry.findMany({
    where: { destinationId, OR: [...blockers.values()].map((b) => ({ actionId: b.actionId, eventPosition: b.position })) },
    select: { actionId: true, userKey: true, nextAttemptAt: true },
  });
  for (const row of rows) {
    const blocker = row.userKey === null ? undefined : blockers.get(pairKey(row.actionId, row.userKey));
    if (blocker) await pushLaterRetries(db, destinationId, blocker, row.nextAttemptAt.getTime());
  }
  return due.filter((r) => !blockerOf(r));
}

/** Moves the retries of a pair after `from.position` to `at` at the earliest (one UPDATE). */
export async function pushLaterRetries(db: RetryTable, destinationId: string, from: Pair & { position: number }, at: number): Promise<void> {
  await db.deliveryRetry.updateMany({
    where: { destinationId, actionId: from.actionId, userKey: from.userKey, eventPosition: { gt: from.position }, nextAttemptAt: { lt: new Date(at) } },
    data: { nextAttemptAt: new Date(at) },
  });
}

/**
 * When each pair's earliest pending retry is next tried: the time held events of the pair wait
 * for. Read after the cycle's other outcomes are written, so a blocker that just failed again
 * counts with its new time, and one that was delivered or given up no longer counts.
 */
export async function pendingHeads(db: RetryTable, destinationId: string, pairs: readonly Pair[]): Promise<Map<string, { position: number; at: number }>> {
  const heads = new Map<string, { position: number; at: number }>();
  if (pairs.length === 0) return heads;
  const mins = await db.deliveryRetry.groupBy({
    by: ["actionId", "userKey"],
    where: { destinationId, actionId: { in: [...new Set(pairs.map((p) => p.actionId))] }, userKey: { in: [...new Set(pairs.map((p) => p.userKey))] } },
    _min: { eventPosition: true },
  });
  const firsts = mins.flatMap((m) => (m._min.eventPosition === null ? [] : [{ actionId: m.actionId, eventPosition: m._min.eventPosition }]));
  if (firsts.length === 0) return heads;
  const rows = await db.deliveryRetry.findMany({ where: { destinationId, OR: firsts }, select: { actionId: true, userKey: true, eventPosition: true, nextAttemptAt: true } });
  for (const row of rows) {
    if (row.userKey !== null) heads.set(pairKey(row.actionId, row.userKey), { position: Number(row.eventPosition), at: row.nextAttemptAt.getTime() });
  }
  return heads;
}
