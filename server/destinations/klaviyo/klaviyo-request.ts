import type { HttpMethod, HttpResult } from "../http-client";
import type { ActionContext } from "../types";
import type { KlaviyoSettings } from "./settings";

const JSON_API = "application/vnd.api+json";

/** A request to Klaviyo's JSON:API with the private key and the chosen revision. */
export function klaviyoRequest(ctx: ActionContext<KlaviyoSettings>, method: HttpMethod, path: string, document?: unknown): Promise<HttpResult> {
  const headers = {
    Authorization: `Klaviyo-API-Key ${ctx.settings.apiKey}`,
    revision: ctx.settings.revision,
    Accept: JSON_API,
  };
  if (document === undefined) return ctx.http.request({ method, url: `${ctx.baseUrl}${path}`, headers });
  return ctx.http.request({
    method,
    url: `${ctx.baseUrl}${path}`,
    headers: { ...headers, "Content-Type": JSON_API },
    body: JSON.stringify(document),
  });
}
