import { batchOfOne } from "../batch-of-one";
import type { ActionDefinition } from "../types";
import { amplitudeEventFields } from "./event-fields";
import type { AmplitudeEvent } from "./event-fields";
import { EVENTS_BATCH, sendEvents } from "./send-events";
import type { AmplitudeSettings } from "./settings";

export const trackScreen: ActionDefinition<AmplitudeSettings, AmplitudeEvent> = {
  key: "trackScreen",
  title: "Track Screen View",
  description: `Send screen calls to Amplitude as "Viewed <name> Screen" (or "Loaded a Screen") events.`,
  fields: amplitudeEventFields,
  defaultTrigger: 'type = "screen"',
  defaultMappingFile: "mappings/amplitude/track-screen.jsonata",
  batch: EVENTS_BATCH,
  perform: batchOfOne(sendEvents),
  performBatch: sendEvents,
};
