import { batchOfOne } from "../batch-of-one";
import type { ActionDefinition } from "../types";
import { amplitudeEventFields } from "./event-fields";
import type { AmplitudeEvent } from "./event-fields";
import { EVENTS_BATCH, sendEvents } from "./send-events";
import type { AmplitudeSettings } from "./settings";

export const trackPage: ActionDefinition<AmplitudeSettings, AmplitudeEvent> = {
  key: "trackPage",
  title: "Track Page View",
  description: `Send page calls to Amplitude as "Viewed <name> Page" (or "Loaded a Page") events.`,
  fields: amplitudeEventFields,
  defaultTrigger: 'type = "page"',
  defaultMappingFile: "mappings/amplitude/track-page.jsonata",
  batch: EVENTS_BATCH,
  perform: batchOfOne(sendEvents),
  performBatch: sendEvents,
};
