import { z } from "zod";
import { batchOfOne } from "../batch-of-one";
import type { ActionContext, ActionDefinition } from "../types";
import type { AmplitudeSettings } from "./settings";

const fields = z
  .looseObject({
    user_id: z.string().min(1).optional(),
    device_id: z.string().min(1).optional(),
    user_properties: z.record(z.string(), z.unknown()).meta({ description: "Plain properties are set; $set, $setOnce, $add... operations also work." }),
  })
  .refine((identification) => identification.user_id !== undefined || identification.device_id !== undefined, {
    message: "user_id or device_id is required",
    path: ["user_id"],
  });

type Payload = z.output<typeof fields>;

/** The Identify API takes a form: `api_key` and `identification`, a JSON array. */
async function identify(ctx: ActionContext<AmplitudeSettings>, payloads: Payload[]) {
  const result = await ctx.http.request({
    method: "POST",
    url: `${ctx.baseUrl}/identify`,
    form: { api_key: ctx.settings.apiKey, identification: JSON.stringify(payloads) },
  });
  return payloads.map(() => result.outcome);
}

export const identifyUser: ActionDefinition<AmplitudeSettings, Payload> = {
  key: "identifyUser",
  title: "Identify User",
  description: "Set user properties in Amplitude from identify calls, without sending an event.",
  fields,
  defaultTrigger: 'type = "identify"',
  defaultMappingFile: "mappings/amplitude/identify-user.jsonata",
  batch: { maxEvents: 100, maxBytes: 512 * 1024 },
  perform: batchOfOne(identify),
  performBatch: identify,
};
