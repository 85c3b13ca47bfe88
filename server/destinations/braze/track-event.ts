import { z } from "zod";
import { batchOfOne } from "../batch-of-one";
import type { ActionContext, ActionDefinition } from "../types";
import type { BrazeSettings } from "./settings";
import { brazeTime, USER_REQUIRED, namesUser, userIdentifiers } from "./user-fields";
import { sendUsersTrack, USERS_TRACK_BATCH, withAppId } from "./users-track";

const fields = z
  .object({
    ...userIdentifiers,
    app_id: z.string().min(1).optional().meta({ description: "Defaults to the App identifier setting." }),
    name: z.string().min(1),
    time: brazeTime,
    properties: z.record(z.string(), z.unknown()).optional(),
  })
  .refine(namesUser, USER_REQUIRED);

type Payload = z.output<typeof fields>;

function trackEvents(ctx: ActionContext<BrazeSettings>, events: Payload[]) {
  return sendUsersTrack(ctx, "events", events.map((event) => [withAppId(ctx, event)]));
}

export const trackEvent: ActionDefinition<BrazeSettings, Payload> = {
  key: "trackEvent",
  title: "Track Event",
  description: "Record track calls as Braze custom events (orders go to Track Purchase instead).",
  fields,
  defaultTrigger: 'type = "track" and event != "Order Completed" and userId != null',
  defaultMappingFile: "mappings/braze/track-event.jsonata",
  batch: USERS_TRACK_BATCH,
  perform: batchOfOne(trackEvents),
  performBatch: trackEvents,
};
