import { z } from "zod";
import { sameOutcome } from "../outcomes";
import type { ActionContext, BatchLimits, DeliveryOutcome } from "../types";
import { messageUuid } from "../message-uuid";
import type { PosthogSettings } from "./settings";

/**
 * One event as PostHog's capture API takes it. `event` is the action's own name where PostHog
 * gives it a meaning (`$pageview`, `$identify`...), `properties` what that event requires.
 */
export function captureEventFields(event: z.ZodType<string>, properties: z.ZodType<Record<string, unknown>>) {
  return z.object({
    event,
    distinct_id: z.string().min(1).meta({ description: "The person the event belongs to." }),
    properties,
    timestamp: z.iso.datetime({ offset: true }).optional().meta({ description: "ISO 8601; when the event happened." }),
    uuid: z.string().min(1).optional().meta({ description: "Identifies the event; a message id that is not a UUID is turned into one." }),
  });
}

export type CaptureEvent = z.output<ReturnType<typeof captureEventFields>>;

/** `/batch/` takes any number of events in a body under 20 MB; these bounds keep requests quick (under 5 MiB). */
export const CAPTURE_BATCH: BatchLimits = { maxEvents: 1000, maxBytes: 5_000_000 };

/**
 * Sends events to `/batch/` with the project API key in the body. PostHog accepts or refuses the
 * request as a whole (there is no per-event answer), so every event shares its outcome.
 */
export async function captureBatch(ctx: ActionContext<PosthogSettings>, events: CaptureEvent[]): Promise<DeliveryOutcome[]> {
  const { apiKey, historicalMigration } = ctx.settings;
  const batch = events.map((event) => (event.uuid === undefined ? event : { ...event, uuid: messageUuid(event.uuid) }));
  const result = await ctx.http.request({
    method: "POST",
    url: `${ctx.baseUrl}/batch/`,
    json: { api_key: apiKey, ...(historicalMigration ? { historical_migration: true } : {}), batch },
  });
  return sameOutcome(result.outcome, events.length);
}
