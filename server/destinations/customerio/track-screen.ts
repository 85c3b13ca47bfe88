import { batchOfOne } from "../batch-of-one";
import type { ActionDefinition } from "../types";
import { personEventFields } from "./entity-fields";
import type { PersonEvent } from "./entity-fields";
import { ENTITY_BATCH, sendPersonEvents } from "./send-entities";
import type { CustomerioSettings } from "./settings";

export const trackScreen: ActionDefinition<CustomerioSettings, PersonEvent> = {
  key: "trackScreen",
  title: "Track Screen View",
  description: "Send screen calls to Customer.io as screen views, named by screen.",
  fields: personEventFields("screen"),
  defaultTrigger: 'type = "screen"',
  defaultMappingFile: "mappings/customerio/track-screen.jsonata",
  batch: ENTITY_BATCH,
  perform: batchOfOne(sendPersonEvents),
  performBatch: sendPersonEvents,
};
