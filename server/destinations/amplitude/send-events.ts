import { z } from "zod";
import { apiMessage } from "../api-message";
import { finalError, invalidCredentialsError, retryableError } from "../errors";
import type { HttpResult } from "../http-client";
import { failed, sameOutcome } from "../outcomes";
import type { ActionContext, BatchLimits, DeliveryOutcome } from "../types";
import type { AmplitudeEvent } from "./event-fields";
import type { AmplitudeSettings } from "./settings";

/** /2/httpapi takes up to 2000 events and 1 MB a request; /batch more, so these fit both. */
export const EVENTS_BATCH: BatchLimits = { maxEvents: 1000, maxBytes: 900 * 1024 };

/** After a 429 Amplitude asks for a pause of 15 s for the devices and users in the request. */
const THROTTLE_PAUSE_MS = 15_000;

/**
 * Sends events to `/2/httpapi`, or to `/batch` when the Batch API is chosen (same body). A 400
 * that lists the events at fault ingests nothing: those fail for good, the others go again
 * (`BATCH_INCOMPLETE`). Amplitude answers a wrong API key with a 400, not a 401.
 */
export async function sendEvents(ctx: ActionContext<AmplitudeSettings>, events: AmplitudeEvent[]): Promise<DeliveryOutcome[]> {
  const { apiKey, useBatchEndpoint, minIdLength } = ctx.settings;
  const result = await ctx.http.request({
    method: "POST",
    url: `${ctx.baseUrl}${useBatchEndpoint ? "/batch" : "/2/httpapi"}`,
    json: { api_key: apiKey, events, ...(minIdLength ? { options: { min_id_length: minIdLength } } : {}) },
  });
  return eventOutcomes(result, events.length);
}

const indexLists = z.record(z.string(), z.array(z.number().int().nonnegative()));
const badRequest = z.object({
  error: z.string().optional(),
  events_with_invalid_fields: indexLists.optional(),
  events_with_missing_fields: indexLists.optional(),
});

function eventOutcomes(result: HttpResult, count: number): DeliveryOutcome[] {
  const { response, outcome } = result;
  if (outcome.status === "failed" && outcome.error.code === "RATE_LIMITED" && outcome.error.retryAfterMs === undefined) {
    const error = retryableError("RATE_LIMITED", outcome.error.message, { status: 429, retryAfterMs: THROTTLE_PAUSE_MS });
    return sameOutcome(failed(error), count);
  }
  if (response?.status === 400 && /invalid api key/i.test(response.text)) {
    return sameOutcome(failed(invalidCredentialsError(400, apiMessage(response.text))), count);
  }
  const parsed = response?.status === 400 ? badRequest.safeParse(response.json) : undefined;
  if (!parsed?.success) return sameOutcome(outcome, count);

  const reasons = new Map<number, string[]>();
  const note = (lists: Record<string, number[]> | undefined, what: string) => {
    for (const [field, indexes] of Object.entries(lists ?? {})) {
      for (const index of indexes) reasons.set(index, [...(reasons.get(index) ?? []), `${what} ${field}`]);
    }
  };
  note(parsed.data.events_with_invalid_fields, "invalid");
  note(parsed.data.events_with_missing_fields, "missing");
  if (reasons.size === 0) return sameOutcome(outcome, count);

  return Array.from({ length: count }, (_, index) => {
    const reason = reasons.get(index);
    if (reason) return failed(finalError("REJECTED", `Amplitude rejected the event: ${reason.join(", ")}`, { status: 400 }));
    return failed(retryableError("BATCH_INCOMPLETE", "Amplitude refused the batch because of other events in it; this event goes again", { status: 400 }));
  });
}
