import { createActionContext } from "../destinations/context";
import { deliverPayloads } from "../destinations/deliver";
import type { HttpAttempt } from "../destinations/http-client";
import type { DestinationDefinition } from "../destinations/types";
import type { StoredEvent } from "../events/event-store";
import type { DeliveryFailure } from "./failure";
import type { RequestLimiter } from "./limiter";
import type { ActionPlan } from "./plan-page";

export type EventOutcome = { actionId: string; event: StoredEvent; failure: DeliveryFailure | null };
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
 */
export async function sendPlans(
  definition: DestinationDefinition,
  settings: Record<string, unknown>,
  plans: readonly ActionPlan[],
  limiter: RequestLimiter,
  timeoutMs: number,
): Promise<SentChunk[]> {
  const perAction = await Promise.all(
    plans.map(async (plan) => {
      const size = plan.action.definition.batch && plan.action.definition.performBatch ? plan.action.definition.batch.maxEvents : 1;
      const chunks: SentChunk[] = [];
      for (let start = 0; start < plan.deliveries.length; start += size) {
        const chunk = plan.deliveries.slice(start, start + size);
        const previous = chunks.at(-1);
        if (previous && previous.outcomes.every((o) => o.failure?.retryable)) {
          const failure = previous.outcomes[0]!.failure!;
          const rest = plan.deliveries.slice(start);
          chunks.push({
            actionId: plan.action.id,
            positions: rest.map((d) => d.event.position),
            outcomes: rest.map((d) => ({
              actionId: plan.action.id,
              event: d.event,
              failure: { ...failure, message: `Not sent: an earlier request of this action failed. ${failure.message}` },
            })),
            attempts: [],
          });
          break;
        }
        const ctx = createActionContext(definition, settings, { timeoutMs });
        const outcomes = await limiter.run(() => deliverPayloads(plan.action.definition, ctx, chunk.map((d) => d.payload)));
        chunks.push({
          actionId: plan.action.id,
          positions: chunk.map((d) => d.event.position),
          outcomes: chunk.map((d, i) => {
            const outcome = outcomes[i];
            if (outcome?.status === "delivered") return { actionId: plan.action.id, event: d.event, failure: null };
            const error = outcome?.error;
            return {
              actionId: plan.action.id,
              event: d.event,
              failure: error
                ? { code: error.code, message: error.message, retryable: error.retryable, retryAfterMs: error.retryAfterMs }
                : { code: "INTERNAL_ERROR", message: "No outcome for this event", retryable: false },
            };
          }),
          attempts: ctx.http.attempts,
        });
      }
      return chunks;
    }),
  );
  return perAction.flat();
}
