import { z } from "zod";
import type { ActionContext, ActionDefinition } from "../types";
import type { WebhookSettings } from "./settings";
import { SIGNATURE_HEADER, signBody } from "./signature";

const fields = z.object({
  method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]).meta({ description: "The HTTP method." }),
  url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).meta({ description: "Where to send it; build it from the event with a template, e.g. https://api.example.com/users/{{userId}}." }),
  headers: z.record(z.string(), z.string()).optional().meta({ description: "Headers of this request, added to the destination's own." }),
  body: z.unknown().optional().meta({ description: "The JSON body (not sent with GET)." }),
});

type Payload = z.output<typeof fields>;

/** A request designed in the editor: method, URL template, headers and body, all from the mapping. */
async function sendRequest(ctx: ActionContext<WebhookSettings>, payload: Payload) {
  const text = payload.body === undefined || payload.method === "GET" ? undefined : JSON.stringify(payload.body);
  const signature: Record<string, string> = text !== undefined && ctx.settings.sharedSecret ? { [SIGNATURE_HEADER]: signBody(text, ctx.settings.sharedSecret) } : {};
  const result = await ctx.http.request({
    method: payload.method,
    url: payload.url,
    headers: { ...(text === undefined ? {} : { "Content-Type": "application/json" }), ...ctx.settings.headers, ...payload.headers, ...signature },
    ...(text === undefined ? {} : { body: text }),
  });
  return result.outcome;
}

export const customRequest: ActionDefinition<WebhookSettings, Payload> = {
  key: "customRequest",
  title: "Custom HTTP request",
  description: "Design the request yourself: method, URL from a template, headers and a body mapped from the event.",
  fields,
  defaultTrigger: 'type = "track"',
  defaultMappingFile: "mappings/webhook/custom-request.jsonata",
  addedByUser: true,
  perform: sendRequest,
};
