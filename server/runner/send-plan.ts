import { createActionContext } from "../destinations/context";
import { splitIntoBatches } from "../destinations/batches";
import { deliverPayloads } from "../destinations/deliver";
import type { HttpAttempt } from "../destinations/http-client";
import type { OutboundPolicy } from "../destinations/outbound-guard";
import type { DestinationDefinition } from "../destinations/types";
import type { EventReference } from "../events/event-store";
import type { DeliveryFailure } from "./failure";
import type { RequestLimiter } from "./limiter";
import type { ActionPlan, PlannedDelivery } from "./plan-page";
import { HELD_FAILURE, userKeyOf } from "./user-order";

export type EventOutcome = { actionId: string; event: EventReference; failure: DeliveryFailure | null };
/** One delivery call (one event, or one batch) and the requests it made. */
export type SentChunk = { actionId: string; positions: number[]; outcomes: EventOutcome[]; attempts: readonly HttpAttempt[] };

/**
 * Sends each action's payloads: batches within the action's limits where it batches, one
 * event per call otherwise. Chunks of one action go one after another, so the destination
 * receives them in the log's order; different actions go side by side within the limiter.
 *
 * When a whole chunk fails with an error a retry may fix (the destination is down, slow or
 * throttling), the action's remaining chunks are not sent this cycle: they become retries
 * too, so an outage costs one request per action and cycle instead of one per event.
 *
 * For a destination that keeps user order, an event that fails with an error a retry may fix
 * holds back the same user's events in the action's later chunks (`HELD_FOR_ORDER`). Events
 * of one chunk went in one request, in order, so the API saw them in the log's order already.
 */
export async function sendPlans(
  definition: DestinationDefinition,
  settings: Record<string, unknown>,
  plans: readonly ActionPlan[],
  limiter: RequestLimiter,
  timeoutMs: number,
  outbound: OutboundPolicy,
): Promise<SentChunk[]> {
  const perAction = await Promise.all(
    plans.map(async (plan) => {
      const actionId = plan.action.id;
      const planned = requestChunks(plan);
      const chunks: SentChunk[] = [];
      const waitingUsers = definition.keepsUserOrder ? new Set<string>() : null;
      const hold = (held: PlannedDelivery[]) => {
        if (held.length > 0) chunks.push(unsent(actionId, held, HELD_FAILURE));
      };
      let previous: SentChunk | undefined;
      for (const [index, deliveries] of planned.entries()) {
        if (previous && previous.outcomes.every((o) => o.failure?.retryable)) {
          const failure = previous.outcomes[0]!.failure!;
          const [rest, held] = splitHeld(planned.slice(index).flat(), waitingUsers);
          hold(held);
          if (rest.length > 0) chunks.push(unsent(actionId, rest, { ...failure, message: `Not sent: an earlier request of this action failed. ${failure.message}` }));
          break;
        }
        const [chunk, held] = splitHeld(deliveries, waitingUsers);
        hold(held);
        if (chunk.length === 0) continue;
        const ctx = createActionContext(definition, settings, { timeoutMs, outbound });
        const outcomes = await limiter.run(() => deliverPayloads(plan.action.definition, ctx, chunk.map((d) => d.payload)));
        previous = {
          actionId,
          positions: chunk.map((d) => d.event.position),
          outcomes: chunk.map((d, i) => {
            const outcome = outcomes[i];
            if (outcome?.status === "delivered") return { actionId, event: d.event, failure: null };
            const error = outcome?.error;
            return {
              actionId,
              event: d.event,
              failure: error
                ? { code: error.code, message: error.message, retryable: error.retryable, retryAfterMs: error.retryAfterMs }
                : { code: "INTERNAL_ERROR", message: "No outcome for this event", retryable: false },
            };
          }),
          attempts: ctx.http.attempts,
        };
        chunks.push(previous);
        for (const { event, failure } of previous.outcomes) {
          const user = userKeyOf(event);
          if (waitingUsers && user !== null && failure?.retryable) waitingUsers.add(user);
        }
      }
      return chunks;
    }),
  );
  return perAction.flat();
}

/**
 * The action's deliveries in the groups that go in one request each: batches within the
 * action's limits (events and bytes) where it batches, one event otherwise. A payload too large
 * for any batch goes alone: `deliverPayloads` fails it without a request.
 */
function requestChunks(plan: ActionPlan): PlannedDelivery[][] {
  const { batch, performBatch } = plan.action.definition;
  if (!batch || !performBatch) return plan.deliveries.map((d) => [d]);
  const { batches, oversized } = splitIntoBatches(plan.deliveries.map((d) => d.payload), batch);
  return [...batches, ...oversized.map((index) => [{ index }])].map((b) => b.map(({ index }) => plan.deliveries[index]!));
}

/** A chunk that was not sent, each of its events with the same failure. */
function unsent(actionId: string, deliveries: PlannedDelivery[], failure: DeliveryFailure): SentChunk {
  return {
    actionId,
    positions: deliveries.map((d) => d.event.position),
    outcomes: deliveries.map((d) => ({ actionId, event: d.event, failure })),
    attempts: [],
  };
}

/** Splits deliveries into those to send and those that wait for an earlier event of the same user. */
function splitHeld(deliveries: PlannedDelivery[], waitingUsers: ReadonlySet<string> | null): [PlannedDelivery[], PlannedDelivery[]] {
  if (waitingUsers === null || waitingUsers.size === 0) return [deliveries, []];
  const waits = (d: PlannedDelivery) => {
    const user = userKeyOf(d.event);
    return user !== null && waitingUsers.has(user);
  };
  return [deliveries.filter((d) => !waits(d)), deliveries.filter(waits)];
}
