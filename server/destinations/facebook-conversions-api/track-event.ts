import { batchOfOne } from "../batch-of-one";
import type { ActionDefinition } from "../types";
import { serverEventFields } from "./event-fields";
import type { ServerEvent } from "./event-fields";
import { EVENTS_BATCH, sendServerEvents } from "./send-events";
import type { FacebookSettings } from "./settings";

export const trackEvent: ActionDefinition<FacebookSettings, ServerEvent> = {
  key: "trackEvent",
  title: "Send Event",
  description: "Send track calls as Conversions API events: e-commerce as Meta's standard events (Purchase, AddToCart...), others as custom events.",
  fields: serverEventFields,
  defaultTrigger: 'type = "track"',
  defaultMappingFile: "mappings/facebook-conversions-api/track-event.jsonata",
  batch: EVENTS_BATCH,
  perform: batchOfOne(sendServerEvents),
  performBatch: sendServerEvents,
};
