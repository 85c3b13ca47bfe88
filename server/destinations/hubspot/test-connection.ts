import type { ActionContext, DeliveryOutcome } from "../types";
import { hubspotRequest } from "./hubspot-request";
import type { HubspotSettings } from "./settings";

/** Reads one contact: a 401 means a wrong token, a 403 a token without the contacts scope. */
export async function testConnection(ctx: ActionContext<HubspotSettings>): Promise<DeliveryOutcome> {
  const result = await hubspotRequest(ctx, "GET", "/crm/v3/objects/contacts?limit=1");
  return result.outcome;
}
