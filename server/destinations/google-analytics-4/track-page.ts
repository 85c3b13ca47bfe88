import { batchOfOne } from "../batch-of-one";
import type { ActionDefinition } from "../types";
import { ga4Fields } from "./event-fields";
import type { Ga4Payload } from "./event-fields";
import { GA4_BATCH, sendGa4Events } from "./send-events";
import type { Ga4Settings } from "./settings";

export const trackPage: ActionDefinition<Ga4Settings, Ga4Payload> = {
  key: "trackPage",
  title: "Track Page View",
  description: "Send page calls to GA4 as page_view events with the page's location, title and referrer.",
  fields: ga4Fields,
  defaultTrigger: 'type = "page"',
  defaultMappingFile: "mappings/google-analytics-4/track-page.jsonata",
  batch: GA4_BATCH,
  perform: batchOfOne(sendGa4Events),
  performBatch: sendGa4Events,
};
