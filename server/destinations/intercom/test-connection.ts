import type { ActionContext, DeliveryOutcome } from "../types";
import { intercomRequest } from "./intercom-request";
import type { IntercomSettings } from "./settings";

/** Asks who the token belongs to (`GET /me`): a 401 means the token is wrong. */
export async function testConnection(ctx: ActionContext<IntercomSettings>): Promise<DeliveryOutcome> {
  const result = await intercomRequest(ctx, "GET", "/me");
  return result.outcome;
}
