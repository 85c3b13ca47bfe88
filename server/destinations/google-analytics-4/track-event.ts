import { batchOfOne } from "../batch-of-one";
import type { ActionDefinition } from "../types";
import { ga4Fields } from "./event-fields";
import type { Ga4Payload } from "./event-fields";
import { GA4_BATCH, sendGa4Events } from "./send-events";
import type { Ga4Settings } from "./settings";

export const trackEvent: ActionDefinition<Ga4Settings, Ga4Payload> = {
  key: "trackEvent",
  title: "Track Event",
  description: "Send track calls to GA4: e-commerce events as GA4's recommended events (purchase, add_to_cart...), others in snake_case.",
  fields: ga4Fields,
  defaultTrigger: 'type = "track"',
  defaultMappingFile: "mappings/google-analytics-4/track-event.jsonata",
  batch: GA4_BATCH,
  perform: batchOfOne(sendGa4Events),
  performBatch: sendGa4Events,
};
