import { z } from "zod";
import { finalError } from "../errors";
import type { HttpResult } from "../http-client";
import { DELIVERED, failed, sameOutcome } from "../outcomes";
import type { DeliveryOutcome } from "../types";

export const validationAnswer = z.object({
  validationMessages: z.array(z.object({ fieldPath: z.string().optional(), description: z.string(), validationCode: z.string().optional() })),
});

/**
 * Reads the validation server's answer for `count` events: each message names an event by its
 * position (`events[2]…` or "Event at index: [2]"); a message naming none concerns them all.
 */
export function validationOutcomes(result: HttpResult, count: number): DeliveryOutcome[] {
  const answer = result.outcome.status === "delivered" ? validationAnswer.safeParse(result.response?.json) : undefined;
  if (!answer?.success) return sameOutcome(result.outcome, count);
  const outcomes = sameOutcome(DELIVERED, count);
  for (const message of answer.data.validationMessages) {
    const found = /events\[(\d+)\]/.exec(message.fieldPath ?? "") ?? /index:?\s*\[?(\d+)\]?/i.exec(message.description);
    const index = found ? Number(found[1]) : undefined;
    const error = failed(finalError("REJECTED", `GA4 would drop the event: ${message.description}`, { status: result.response?.status }));
    if (index === undefined) return sameOutcome(error, count);
    if (index < count && outcomes[index]?.status === "delivered") outcomes[index] = error;
  }
  return outcomes;
}
