import { z } from "zod";
import { finalError, retryableError } from "../errors";
import type { HttpResult } from "../http-client";
import { DELIVERED, failed, sameOutcome } from "../outcomes";
import type { DeliveryOutcome } from "../types";

const trackAnswer = z.object({
  message: z.string().optional(),
  errors: z.array(z.object({ type: z.string(), input_array: z.string(), index: z.number().int().nonnegative() })).min(1),
});

/**
 * Reads a /users/track answer for the `count` objects sent in `array`. Braze records the valid
 * objects and lists the others in `errors` (`input_array`, `index`): those fail for good. When the
 * request as a whole was refused (4xx), the objects not listed go again.
 */
export function trackOutcomes(result: HttpResult, array: string, count: number): DeliveryOutcome[] {
  const { response } = result;
  const parsed = response && response.status < 500 ? trackAnswer.safeParse(response.json) : undefined;
  if (!parsed?.success || !response) return sameOutcome(result.outcome, count);
  const reasons = new Map<number, string>();
  for (const error of parsed.data.errors) {
    if (error.input_array === array && error.index < count && !reasons.has(error.index)) reasons.set(error.index, error.type);
  }
  if (reasons.size === 0) return sameOutcome(result.outcome, count);
  const { status } = response;
  return Array.from({ length: count }, (_, index) => {
    const reason = reasons.get(index);
    if (reason !== undefined) return failed(finalError("REJECTED", `Braze rejected the ${array.replace(/s$/, "")}: ${reason}`, { status }));
    if (status < 300) return DELIVERED;
    return failed(retryableError("BATCH_INCOMPLETE", "Braze refused the request because of other objects in it; this one goes again", { status }));
  });
}
