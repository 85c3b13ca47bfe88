import type { HttpMethod, HttpResult } from "../http-client";
import type { ActionContext } from "../types";
import type { IntercomSettings } from "./settings";

/** A request to Intercom's REST API with the token and the chosen API version. */
export function intercomRequest(ctx: ActionContext<IntercomSettings>, method: HttpMethod, path: string, json?: unknown): Promise<HttpResult> {
  return ctx.http.request({
    method,
    url: `${ctx.baseUrl}${path}`,
    headers: {
      Authorization: `Bearer ${ctx.settings.accessToken}`,
      "Intercom-Version": ctx.settings.apiVersion,
      Accept: "application/json",
    },
    json,
  });
}
