import { batchOfOne } from "../batch-of-one";
import type { ActionDefinition } from "../types";
import { amplitudeEventFields } from "./event-fields";
import type { AmplitudeEvent } from "./event-fields";
import { EVENTS_BATCH, sendEvents } from "./send-events";
import type { AmplitudeSettings } from "./settings";

export const trackEvent: ActionDefinition<AmplitudeSettings, AmplitudeEvent> = {
  key: "trackEvent",
  title: "Track Event",
  description: "Send track calls to Amplitude as events.",
  fields: amplitudeEventFields,
  defaultTrigger: 'type = "track"',
  defaultMappingFile: "mappings/amplitude/track-event.jsonata",
  batch: EVENTS_BATCH,
  perform: batchOfOne(sendEvents),
  performBatch: sendEvents,
};
