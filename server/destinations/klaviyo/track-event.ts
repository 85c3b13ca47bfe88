import { z } from "zod";
import type { ActionContext, ActionDefinition } from "../types";
import { klaviyoRequest } from "./klaviyo-request";
import { hasIdentifier, IDENTIFIER_REQUIRED, profileAttributes } from "./profile-fields";
import type { KlaviyoSettings } from "./settings";

const fields = z.object({
  data: z.object({
    type: z.literal("event"),
    attributes: z.looseObject({
      properties: z.record(z.string(), z.unknown()).meta({ description: "At most 400 properties." }),
      time: z.iso.datetime({ offset: true }).optional(),
      value: z.number().optional().meta({ description: "The event's monetary value, e.g. an order's revenue." }),
      value_currency: z.string().length(3).optional(),
      unique_id: z.string().min(1).optional().meta({ description: "Klaviyo records only the first event with this id for the profile and metric." }),
      metric: z.object({
        data: z.object({ type: z.literal("metric"), attributes: z.object({ name: z.string().min(1).max(127) }) }),
      }),
      profile: z.object({
        data: z.object({ type: z.literal("profile"), attributes: profileAttributes.refine(hasIdentifier, IDENTIFIER_REQUIRED) }),
      }),
    }),
  }),
});

type Payload = z.output<typeof fields>;

async function createEvent(ctx: ActionContext<KlaviyoSettings>, payload: Payload) {
  const result = await klaviyoRequest(ctx, "POST", "/api/events", payload);
  return result.outcome;
}

/** Klaviyo answers 202: the event is valid and queued. */
export const trackEvent: ActionDefinition<KlaviyoSettings, Payload> = {
  key: "trackEvent",
  title: "Track Event",
  description: "Send track calls to Klaviyo as events of a metric named after the event, creating or updating the profile.",
  fields,
  defaultTrigger: 'type = "track"',
  defaultMappingFile: "mappings/klaviyo/track-event.jsonata",
  perform: createEvent,
};
