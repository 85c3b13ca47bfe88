import { splitIntoBatches } from "./batches";
import { DeliveryError, finalError } from "./errors";
import { failed, sameOutcome } from "./outcomes";
import type { ActionContext, ActionDefinition, DeliveryOutcome } from "./types";

/**
 * Sends validated payloads through an action and returns one outcome per payload, in order.
 * Actions that batch get `performBatch` calls within their limits, one batch after another
 * (so the log's order holds); the others get one `perform` call per payload. Whatever an action
 * throws becomes an outcome: a thrown `DeliveryError` as it is, anything else as a final
 * `INTERNAL_ERROR`, since it is a bug in the destination's code that a retry will not fix.
 * Secrets are masked in every message, whoever wrote it.
 */
export async function deliverPayloads<Settings>(
  action: ActionDefinition<Settings, unknown>,
  ctx: ActionContext<Settings>,
  payloads: readonly unknown[],
): Promise<DeliveryOutcome[]> {
  const outcomes: DeliveryOutcome[] = [];
  if (action.performBatch && action.batch) {
    const performBatch = action.performBatch.bind(action);
    const { batches, oversized } = splitIntoBatches(payloads, action.batch);
    for (const index of oversized) {
      const limit = action.batch.maxBytes ?? 0;
      outcomes[index] = failed(finalError("PAYLOAD_INVALID", `The payload is larger than ${action.title} can send in one request (${limit} bytes)`));
    }
    for (const batch of batches) {
      const items = batch.map(({ item }) => item);
      const results = await settle(action.title, items.length, () => performBatch(ctx, items));
      batch.forEach(({ index }, position) => {
        outcomes[index] = results[position] ?? missingOutcome(action.title);
      });
    }
  } else {
    for (const payload of payloads) {
      const [outcome] = await settle(action.title, 1, async () => [await action.perform(ctx, payload)]);
      outcomes.push(outcome ?? missingOutcome(action.title));
    }
  }
  return outcomes.map((outcome) => maskOutcome(outcome, ctx.http.mask));
}

function maskOutcome(outcome: DeliveryOutcome, mask: (text: string) => string): DeliveryOutcome {
  if (outcome.status === "delivered") return outcome;
  const { error } = outcome;
  const message = mask(error.message);
  if (message === error.message) return outcome;
  return failed(new DeliveryError(error.code, message, error.retryable, { status: error.status, retryAfterMs: error.retryAfterMs }));
}

async function settle(title: string, count: number, run: () => Promise<DeliveryOutcome[]>): Promise<DeliveryOutcome[]> {
  try {
    const outcomes = await run();
    if (outcomes.length !== count) {
      return sameOutcome(
        failed(finalError("INTERNAL_ERROR", `${title} returned ${outcomes.length} outcomes for ${count} payloads`)),
        count,
      );
    }
    return outcomes;
  } catch (error) {
    if (error instanceof DeliveryError) return sameOutcome(failed(error), count);
    const detail = error instanceof Error ? error.message : String(error);
    return sameOutcome(failed(finalError("INTERNAL_ERROR", `${title} failed: ${detail}`)), count);
  }
}

function missingOutcome(title: string): DeliveryOutcome {
  return failed(finalError("INTERNAL_ERROR", `${title} returned no outcome for a payload`));
}
