import { batchOfOne } from "../batch-of-one";
import type { ActionDefinition } from "../types";
import { personEventFields } from "./entity-fields";
import type { PersonEvent } from "./entity-fields";
import { ENTITY_BATCH, sendPersonEvents } from "./send-entities";
import type { CustomerioSettings } from "./settings";

export const trackPage: ActionDefinition<CustomerioSettings, PersonEvent> = {
  key: "trackPage",
  title: "Track Page View",
  description: "Send page calls to Customer.io as page views, named by URL.",
  fields: personEventFields("page"),
  defaultTrigger: 'type = "page"',
  defaultMappingFile: "mappings/customerio/track-page.jsonata",
  batch: ENTITY_BATCH,
  perform: batchOfOne(sendPersonEvents),
  performBatch: sendPersonEvents,
};
