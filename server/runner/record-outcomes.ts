import type { Prisma } from "../generated/sqlite/client";
import type { CycleOutcome, CycleRecord } from "./delivery-records";
import type { DeliveryFailure } from "./failure";
import { pastRetryWindow, retryDelayMs, type RetryPolicy } from "./retry-policy";
import { HELD_FOR_ORDER, pairKey } from "./user-order";
import { pendingHeads, pushLaterRetries } from "./user-order-records";

type Tx = Prisma.TransactionClient;
type HeldOutcome = CycleOutcome & { failure: DeliveryFailure };

/**
 * Writes what became of each event, in log order: a delivered retry is deleted; a failure a
 * retry may fix becomes (or updates) a retry row, a dead letter once past the retry window;
 * a final failure becomes a dead letter.
 *
 * For a destination that keeps user order, a pair's retries never come due before an earlier
 * retry of the same pair: a row gets at least the time of the pair's earlier rows of this
 * cycle, and a retry that fails again moves the pair's later rows to at least its new time.
 */
export async function writeOutcomes(tx: Tx, cycle: CycleRecord, policy: RetryPolicy, now: number): Promise<void> {
  const held: HeldOutcome[] = [];
  const pairTimes = new Map<string, number>();
  const pushed = new Set<string>();
  for (const outcome of [...cycle.outcomes].sort((a, b) => a.position - b.position)) {
    const { retry, failure, actionId, position, userKey } = outcome;
    if (failure === null) {
      if (retry) await tx.deliveryRetry.deleteMany({ where: { id: retry.id } });
      continue;
    }
    if (failure.code === HELD_FOR_ORDER) {
      held.push({ ...outcome, failure });
      continue;
    }
    const attempts = (retry?.attempts ?? 0) + 1;
    const firstFailedAt = retry?.firstFailedAt ?? now;
    // The retry window is judged on the event's own backoff: waiting behind a user's earlier
    // event does not use it up.
    const ownTime = now + retryDelayMs(attempts, policy, failure.retryAfterMs);
    if (failure.retryable && !pastRetryWindow(firstFailedAt, ownTime, policy)) {
      const pair = cycle.keepsUserOrder && userKey !== null ? pairKey(actionId, userKey) : null;
      const nextAttemptAt = Math.max(ownTime, (pair === null ? undefined : pairTimes.get(pair)) ?? 0);
      const data = { attempts, nextAttemptAt: new Date(nextAttemptAt), lastError: failure.message, lastErrorCode: failure.code, userKey };
      await tx.deliveryRetry.upsert({
        where: { actionId_eventPosition: { actionId, eventPosition: position } },
        create: { destinationId: cycle.destinationId, actionId, eventPosition: position, firstFailedAt: new Date(firstFailedAt), ...data },
        update: data,
      });
      if (pair !== null && userKey !== null) {
        pairTimes.set(pair, nextAttemptAt);
        // Only a retry can have later rows outside this cycle; one update per pair is enough.
        if (retry && !pushed.has(pair)) {
          await pushLaterRetries(tx, cycle.destinationId, { actionId, userKey, position }, nextAttemptAt);
          pushed.add(pair);
        }
      }
      continue;
    }
    if (retry) await tx.deliveryRetry.deleteMany({ where: { id: retry.id } });
    const gaveUp = failure.retryable ? `Gave up after ${attempts} attempts over the retry window. Last error: ` : "";
    await tx.deadLetter.create({
      data: { destinationId: cycle.destinationId, actionId, eventPosition: position, attempts, error: `${gaveUp}${failure.message}`, errorCode: failure.code },
    });
  }
  if (held.length > 0) await writeHeld(tx, cycle.destinationId, held, now);
}

/**
 * Writes held events as retry rows due when the earliest pending retry of their (action, user)
 * is. Holding is not an attempt: `attempts` stays, and a held event is never given up while
 * held. Its retry window starts when it is first held (like a failure), but only a real
 * attempt can end it as a dead letter, so it outlives its blocker: when the blocker is
 * delivered or given up, the held events are sent in order, and one whose window has passed
 * meanwhile still gets that attempt. An event whose blocker is already gone is due at once.
 */
async function writeHeld(tx: Tx, destinationId: string, held: HeldOutcome[], now: number): Promise<void> {
  const pairs = held.flatMap((o) => (o.userKey === null ? [] : [{ actionId: o.actionId, userKey: o.userKey }]));
  const heads = await pendingHeads(tx, destinationId, pairs);
  for (const { actionId, position, userKey, failure } of held) {
    const pair = userKey === null ? null : pairKey(actionId, userKey);
    const head = pair === null ? undefined : heads.get(pair);
    const at = head && head.position < position ? head.at : now;
    if (pair !== null && !(head && head.position < position)) heads.set(pair, { position, at });
    const data = { nextAttemptAt: new Date(at), lastError: failure.message, lastErrorCode: failure.code, userKey };
    await tx.deliveryRetry.upsert({
      where: { actionId_eventPosition: { actionId, eventPosition: position } },
      create: { destinationId, actionId, eventPosition: position, attempts: 0, firstFailedAt: new Date(now), ...data },
      update: data,
    });
  }
}
