import { z } from "zod";
import type { ActionContext, ActionDefinition } from "../types";
import { intercomMetadata } from "./event-metadata";
import { intercomRequest } from "./intercom-request";
import type { IntercomSettings } from "./settings";

const fields = z
  .object({
    event_name: z.string().min(1),
    created_at: z.number().int().positive().meta({ description: "Unix seconds." }),
    user_id: z.string().min(1).optional().meta({ description: "Your id for the user (the contact's external_id)." }),
    email: z.string().min(1).optional().meta({ description: "Used when there is no user_id." }),
    metadata: z.record(z.string(), z.unknown()).optional().meta({ description: "Flat values; the first ten usable keys are sent." }),
  })
  .refine((event) => event.user_id !== undefined || event.email !== undefined, "needs a user_id or an email");

type Payload = z.output<typeof fields>;

async function submitEvent(ctx: ActionContext<IntercomSettings>, { metadata, ...event }: Payload) {
  const body = metadata === undefined ? event : { ...event, metadata: intercomMetadata(metadata) };
  const result = await intercomRequest(ctx, "POST", "/events", body);
  return result.outcome;
}

export const trackEvent: ActionDefinition<IntercomSettings, Payload> = {
  key: "trackEvent",
  title: "Track Event",
  description: "Submit track calls to Intercom as data events of a user, with up to ten metadata values.",
  fields,
  // Intercom files events under a known user: anonymous events without an email are skipped.
  defaultTrigger: 'type = "track" and (userId != null or context.traits.email != null)',
  defaultMappingFile: "mappings/intercom/track-event.jsonata",
  perform: submitEvent,
};
