import { z } from "zod";
import { sameOutcome } from "../outcomes";
import type { ActionContext, ActionDefinition, DeliveryOutcome } from "../types";
import type { WebhookSettings } from "./settings";
import { SIGNATURE_HEADER, signBody } from "./signature";

const fields = z.record(z.string(), z.unknown()).meta({ description: "The JSON object to send." });

type Payload = z.output<typeof fields>;
type Context = ActionContext<WebhookSettings>;

/** Sends one body, signed when a shared secret is set, and reads the answer the shared way. */
async function sendBody(ctx: Context, body: unknown): Promise<DeliveryOutcome> {
  const { url, method, headers, sharedSecret } = ctx.settings;
  const text = JSON.stringify(body);
  const signature: Record<string, string> = sharedSecret ? { [SIGNATURE_HEADER]: signBody(text, sharedSecret) } : {};
  const result = await ctx.http.request({
    method,
    url,
    headers: { "Content-Type": "application/json", ...headers, ...signature },
    body: text,
  });
  return result.outcome;
}

export const send: ActionDefinition<WebhookSettings, Payload> = {
  key: "send",
  title: "Send",
  description: "Send each event, as the mapping shapes it, to a URL of your own.",
  fields,
  defaultTrigger: "all",
  defaultMappingFile: "mappings/webhook/send.jsonata",
  batch: { maxEvents: 100, maxBytes: 512 * 1024 },

  perform: (ctx, payload) => sendBody(ctx, payload),

  async performBatch(ctx, payloads) {
    if (ctx.settings.batching) return sameOutcome(await sendBody(ctx, payloads), payloads.length);
    const outcomes: DeliveryOutcome[] = [];
    for (const payload of payloads) outcomes.push(await sendBody(ctx, payload));
    return outcomes;
  },
};
