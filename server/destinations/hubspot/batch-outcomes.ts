import { z } from "zod";
import { finalError, retryableError } from "../errors";
import type { HttpResult } from "../http-client";
import { DELIVERED, failed, sameOutcome } from "../outcomes";
import type { DeliveryOutcome } from "../types";

const batchErrors = z.object({
  errors: z
    .array(
      z.object({
        message: z.string().optional(),
        category: z.string().optional(),
        context: z.record(z.string(), z.array(z.string())).optional(),
      }),
    )
    .min(1),
});

/**
 * Reads a batch answer. 200/201: every contact delivered. A 207 (or a 400) whose errors name
 * inputs by `objectWriteTraceId` fails those for good; the others are delivered (207) or go
 * again (400: HubSpot wrote nothing, and an upsert is safe to repeat).
 */
export function contactBatchOutcomes(result: HttpResult, count: number): DeliveryOutcome[] {
  const status = result.response?.status;
  if (status !== 207 && status !== 400) return sameOutcome(result.outcome, count);
  const parsed = batchErrors.safeParse(result.response?.json);
  if (!parsed.success) return sameOutcome(result.outcome, count);

  const reasons = new Map<number, string>();
  let unattributed = false;
  for (const error of parsed.data.errors) {
    const positions = (error.context?.objectWriteTraceId ?? []).map(Number).filter((n) => Number.isInteger(n) && n >= 0 && n < count);
    if (positions.length === 0) unattributed = true;
    for (const position of positions) reasons.set(position, error.message ?? error.category ?? "no reason given");
  }
  if (status === 400 && reasons.size === 0) return sameOutcome(result.outcome, count);

  return Array.from({ length: count }, (_, index) => {
    const reason = reasons.get(index);
    if (reason !== undefined) return failed(finalError("REJECTED", `HubSpot rejected the contact: ${reason}`, { status }));
    if (status === 207 && !unattributed) return DELIVERED;
    return failed(retryableError("BATCH_INCOMPLETE", "HubSpot did not apply the batch because of other contacts in it; this one goes again", { status }));
  });
}
