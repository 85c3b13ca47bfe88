import { batchOfOne } from "../batch-of-one";
import type { ActionDefinition } from "../types";
import { customEventFields, EVENT_BATCH, sendCustomEvents } from "./send-events";
import type { CustomEvent } from "./send-events";
import type { HubspotSettings } from "./settings";

/** The custom event (and its properties) must be defined in HubSpot first; HubSpot refuses others. */
export const trackEvent: ActionDefinition<HubspotSettings, CustomEvent> = {
  key: "trackEvent",
  title: "Send Custom Event",
  description: "Send track calls to HubSpot as occurrences of custom events (pe<Hub ID>_<name>) on the contact.",
  fields: customEventFields,
  defaultTrigger: 'type = "track" and (context.traits.email != null or properties.email != null)',
  defaultMappingFile: "mappings/hubspot/track-event.jsonata",
  batch: EVENT_BATCH,
  perform: batchOfOne(sendCustomEvents),
  performBatch: sendCustomEvents,
};
