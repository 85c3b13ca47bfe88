import type { ActionContext, DeliveryOutcome } from "../types";
import { klaviyoRequest } from "./klaviyo-request";
import type { KlaviyoSettings } from "./settings";

/** Reads the account the key belongs to: a 401/403 means a wrong key, a 400 an unknown revision. */
export async function testConnection(ctx: ActionContext<KlaviyoSettings>): Promise<DeliveryOutcome> {
  const result = await klaviyoRequest(ctx, "GET", "/api/accounts");
  return result.outcome;
}
