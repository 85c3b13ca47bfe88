import { z } from "zod";
import type { DestinationSettingsOf } from "../types";

export const webhookSettings = z.object({
  url: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
    .meta({ title: "URL", description: "Where each event is sent." }),
  method: z.enum(["POST", "PUT", "PATCH"]).default("POST").meta({ title: "Method" }),
  headers: z
    .record(z.string(), z.string())
    .default({})
    .meta({ title: "Headers", description: "Sent with every request. Authorization and *-api-key headers are masked in delivery logs." }),
  sharedSecret: z
    .string()
    .optional()
    .meta({
      title: "Shared secret",
      description: "When set, each request carries X-Signature: the hex HMAC-SHA1 of the request body, keyed with this secret.",
    }),
  batching: z
    .boolean()
    .default(false)
    .meta({ title: "Send in batches", description: "Send up to 100 events in one request, as a JSON array." }),
});

export type WebhookSettings = DestinationSettingsOf<typeof webhookSettings>;
