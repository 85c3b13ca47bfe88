import { finalError } from "../errors";
import { failed } from "../outcomes";
import type { ActionContext, BatchLimits, DeliveryOutcome } from "../types";
import type { ServerEvent } from "./event-fields";
import { graphOutcome } from "./meta-error";
import type { FacebookSettings } from "./settings";
import { hashUserData } from "./user-data";

/** Meta takes up to 1000 events a request. */
export const EVENTS_BATCH: BatchLimits = { maxEvents: 1000, maxBytes: 2 * 1024 * 1024 };

const MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

type Context = ActionContext<FacebookSettings>;

async function post(ctx: Context, events: ServerEvent[]): Promise<DeliveryOutcome> {
  const { pixelId, accessToken, apiVersion, testEventCode } = ctx.settings;
  const data = events.map(({ user_data, ...event }) => ({ ...event, user_data: hashUserData(user_data) }));
  const result = await ctx.http.request({
    method: "POST",
    url: `${ctx.baseUrl}/${apiVersion}/${pixelId}/events?access_token=${encodeURIComponent(accessToken)}`,
    json: testEventCode === undefined ? { data } : { data, test_event_code: testEventCode },
  });
  return graphOutcome(result);
}

/**
 * Meta accepts or refuses a request as a whole. When a request of several events is refused for
 * good, its halves are sent on their own, down to the events at fault. When the first half fails
 * whole with the same words and so does the second, the fault is the request's (token, pixel).
 */
async function sendOrSplit(ctx: Context, events: ServerEvent[], known?: DeliveryOutcome): Promise<DeliveryOutcome[]> {
  const outcome = known ?? (await post(ctx, events));
  if (outcome.status === "delivered" || outcome.error.retryable || events.length === 1) return events.map(() => outcome);
  const sameFault = (result: DeliveryOutcome) => result.status === "failed" && result.error.message === outcome.error.message;
  const middle = Math.ceil(events.length / 2);
  const rest = events.slice(middle);
  const first = await sendOrSplit(ctx, events.slice(0, middle));
  if (!first.every(sameFault)) return [...first, ...(await sendOrSplit(ctx, rest))];
  const probe = await post(ctx, rest);
  if (sameFault(probe)) return events.map(() => outcome);
  return [...first, ...(await sendOrSplit(ctx, rest, probe))];
}

/** Events older than Meta takes fail here, without costing the rest of their request. */
export async function sendServerEvents(ctx: Context, events: ServerEvent[]): Promise<DeliveryOutcome[]> {
  const oldest = Math.floor(Date.now() / 1000) - MAX_AGE_SECONDS;
  const outcomes: DeliveryOutcome[] = [];
  const fresh: Array<{ index: number; event: ServerEvent }> = [];
  events.forEach((event, index) => {
    if (event.event_time >= oldest || event.action_source === "physical_store") fresh.push({ index, event });
    else outcomes[index] = failed(finalError("REJECTED", "Meta takes events up to 7 days old; this one is older"));
  });
  if (fresh.length > 0) {
    const sent = await sendOrSplit(ctx, fresh.map(({ event }) => event));
    fresh.forEach(({ index }, position) => {
      const outcome = sent[position];
      if (outcome) outcomes[index] = outcome;
    });
  }
  return outcomes;
}
