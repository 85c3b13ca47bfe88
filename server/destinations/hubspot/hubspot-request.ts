import type { HttpMethod, HttpResult } from "../http-client";
import type { ActionContext } from "../types";
import type { HubspotSettings } from "./settings";

/** A request to HubSpot's API with the private app's token. */
export function hubspotRequest(ctx: ActionContext<HubspotSettings>, method: HttpMethod, path: string, json?: unknown): Promise<HttpResult> {
  return ctx.http.request({
    method,
    url: `${ctx.baseUrl}${path}`,
    headers: { Authorization: `Bearer ${ctx.settings.accessToken}`, Accept: "application/json" },
    json,
  });
}
