import type { DeliveryOutcome, ActionContext, BatchLimits } from "../types";
import { DELIVERED } from "../outcomes";
import type { BrazeSettings } from "./settings";
import { trackOutcomes } from "./track-outcomes";

export type TrackArray = "attributes" | "events" | "purchases";

/** /users/track takes up to 75 objects of each kind a request. */
export const MAX_OBJECTS = 75;
export const USERS_TRACK_BATCH: BatchLimits = { maxEvents: MAX_OBJECTS };

/**
 * Sends the objects of each payload (one attribute or event object, or an order's purchases) in
 * `array`, 75 to a request, and gives each payload the first failure among its objects. After a
 * retryable failure (throttling, an outage) nothing more is sent: the rest goes again later.
 */
export async function sendUsersTrack(ctx: ActionContext<BrazeSettings>, array: TrackArray, objectsByPayload: object[][]): Promise<DeliveryOutcome[]> {
  const flat = objectsByPayload.flatMap((objects, payload) => objects.map((object) => ({ payload, object })));
  const outcomes: DeliveryOutcome[] = [];
  for (let start = 0; start < flat.length; start += MAX_OBJECTS) {
    const chunk = flat.slice(start, start + MAX_OBJECTS);
    const result = await ctx.http.request({
      method: "POST",
      url: `${ctx.baseUrl}/users/track`,
      headers: { Authorization: `Bearer ${ctx.settings.apiKey}`, Accept: "application/json" },
      json: { [array]: chunk.map(({ object }) => object) },
    });
    const chunkOutcomes = trackOutcomes(result, array, chunk.length);
    outcomes.push(...chunkOutcomes);
    if (result.outcome.status === "failed" && result.outcome.error.retryable) {
      while (outcomes.length < flat.length) outcomes.push(result.outcome);
      break;
    }
  }
  const byPayload: DeliveryOutcome[] = objectsByPayload.map(() => DELIVERED);
  flat.forEach(({ payload }, index) => {
    const outcome = outcomes[index];
    if (outcome?.status === "failed" && byPayload[payload]?.status === "delivered") byPayload[payload] = outcome;
  });
  return byPayload;
}

/** Adds the app identifier from the settings to events and purchases that name none. */
export function withAppId<T extends object>(ctx: ActionContext<BrazeSettings>, object: T): T {
  const { appId } = ctx.settings;
  return appId === undefined || "app_id" in object ? object : { ...object, app_id: appId };
}
