import { batchOfOne } from "../batch-of-one";
import type { ActionDefinition } from "../types";
import { personIdentifyFields } from "./entity-fields";
import type { PersonIdentify } from "./entity-fields";
import { ENTITY_BATCH, sendEntities } from "./send-entities";
import type { CustomerioSettings } from "./settings";

export const identifyPerson: ActionDefinition<CustomerioSettings, PersonIdentify> = {
  key: "identifyPerson",
  title: "Identify Person",
  description: "Create or update a person in Customer.io from identify calls.",
  fields: personIdentifyFields,
  // A person needs an id or an email; anonymous identifies are skipped rather than failed.
  defaultTrigger: 'type = "identify" and (userId != null or traits.email != null)',
  defaultMappingFile: "mappings/customerio/identify-person.jsonata",
  batch: ENTITY_BATCH,
  perform: batchOfOne(sendEntities),
  performBatch: sendEntities,
};
