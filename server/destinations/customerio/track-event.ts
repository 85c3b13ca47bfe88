import { batchOfOne } from "../batch-of-one";
import type { ActionDefinition } from "../types";
import { personEventFields } from "./entity-fields";
import type { PersonEvent } from "./entity-fields";
import { ENTITY_BATCH, sendPersonEvents } from "./send-entities";
import type { CustomerioSettings } from "./settings";

export const trackEvent: ActionDefinition<CustomerioSettings, PersonEvent> = {
  key: "trackEvent",
  title: "Track Event",
  description: "Send track calls to Customer.io as events of a known or anonymous person.",
  fields: personEventFields("event"),
  defaultTrigger: 'type = "track"',
  defaultMappingFile: "mappings/customerio/track-event.jsonata",
  batch: ENTITY_BATCH,
  perform: batchOfOne(sendPersonEvents),
  performBatch: sendPersonEvents,
};
