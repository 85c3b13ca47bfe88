import type { Prisma } from "../generated/sqlite/client";
import type { DueRetry } from "./delivery-records";
import { pairKey } from "./user-order";

/** The retry table, through the client or inside a transaction. */
export type RetryTable = Pick<Prisma.TransactionClient, "deliveryRetry">;

type Pair = { actionId: string; userKey: string };

/**
 * Lists longer than this are sent in pieces: a statement takes a limited number of parameters
 * (999 on SQLite), and a page of events can hold more users than that.
 */
const LIST_PIECE = 400;

function pieces<T>(items: readonly T[], size = LIST_PIECE): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

/** The pairs of these actions and users that have a pending retry: their new events must wait. */
export async function pairsWithPendingRetries(db: RetryTable, destinationId: string, actionIds: readonly string[], userKeys: readonly string[]): Promise<Set<string>> {
  if (actionIds.length === 0 || userKeys.length === 0) return new Set();
  const actions = [...new Set(actionIds)];
  // Usually nothing is pending: one cheap look then answers for the whole page.
  const anyPending = await db.deliveryRetry.findFirst({ where: { destinationId, actionId: { in: actions }, userKey: { not: null } }, select: { id: true } });
  const pairs = new Set<string>();
  if (!anyPending) return pairs;
  for (const users of pieces([...new Set(userKeys)])) {
    const groups = await db.deliveryRetry.groupBy({ by: ["actionId", "userKey"], where: { destinationId, actionId: { in: actions }, userKey: { in: users } } });
    for (const g of groups) if (g.userKey !== null) pairs.add(pairKey(g.actionId, g.userKey));
  }
  return pairs;
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
  const actions = [...new Set(pairs.map((p) => p.actionId))];
  const firsts: Array<{ actionId: string; eventPosition: bigint }> = [];
  for (const users of pieces([...new Set(pairs.map((p) => p.userKey))])) {
    const mins = await db.deliveryRetry.groupBy({ by: ["actionId", "userKey"], where: { destinationId, actionId: { in: actions }, userKey: { in: users } }, _min: { eventPosition: true } });
    for (const m of mins) if (m._min.eventPosition !== null) firsts.push({ actionId: m.actionId, eventPosition: m._min.eventPosition });
  }
  // two parameters for each
  for (const some of pieces(firsts, LIST_PIECE / 2)) {
    const rows = await db.deliveryRetry.findMany({ where: { destinationId, OR: some }, select: { actionId: true, userKey: true, eventPosition: true, nextAttemptAt: true } });
    for (const row of rows) {
      if (row.userKey !== null) heads.set(pairKey(row.actionId, row.userKey), { position: Number(row.eventPosition), at: row.nextAttemptAt.getTime() });
    }
  }
  return heads;
}
