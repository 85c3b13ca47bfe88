import { batchOfOne } from "../batch-of-one";
import type { ActionDefinition } from "../types";
import { serverEventFields } from "./event-fields";
import type { ServerEvent } from "./event-fields";
import { EVENTS_BATCH, sendServerEvents } from "./send-events";
import type { FacebookSettings } from "./settings";

export const trackPage: ActionDefinition<FacebookSettings, ServerEvent> = {
  key: "trackPage",
  title: "Send Page View",
  description: "Send page calls as PageView events.",
  fields: serverEventFields,
  defaultTrigger: 'type = "page"',
  defaultMappingFile: "mappings/facebook-conversions-api/track-page.jsonata",
  batch: EVENTS_BATCH,
  perform: batchOfOne(sendServerEvents),
  performBatch: sendServerEvents,
};
