import type { DeliveryOutcome } from "./types";

/** A `perform` for an API that takes batches: sends the payload as a batch of one. */
export function batchOfOne<Context, Payload>(
  sendBatch: (ctx: Context, payloads: Payload[]) => Promise<DeliveryOutcome[]>,
): (ctx: Context, payload: Payload) => Promise<DeliveryOutcome> {
  return async (ctx, payload) => {
    const [outcome] = await sendBatch(ctx, [payload]);
    if (!outcome) throw new Error("the batch returned no outcome");
    return outcome;
  };
}
