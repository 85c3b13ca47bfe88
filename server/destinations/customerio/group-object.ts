import { batchOfOne } from "../batch-of-one";
import type { ActionDefinition } from "../types";
import { objectIdentifyFields } from "./entity-fields";
import type { ObjectIdentify } from "./entity-fields";
import { ENTITY_BATCH, sendEntities } from "./send-entities";
import type { CustomerioSettings } from "./settings";

/**
 * A group call becomes an object (type `traits.object_type_id`, else "1") related to the
 * person. Group calls without a userId are skipped by the trigger: relating an object to an
 * anonymous person is not the simple case, so it is left out for now.
 */
export const groupObject: ActionDefinition<CustomerioSettings, ObjectIdentify> = {
  key: "groupObject",
  title: "Create or Update Object",
  description: "Create or update an object (a company, an account) from group calls and relate the person to it.",
  fields: objectIdentifyFields,
  defaultTrigger: 'type = "group" and userId != null',
  defaultMappingFile: "mappings/customerio/group-object.jsonata",
  batch: ENTITY_BATCH,
  perform: batchOfOne(sendEntities),
  performBatch: sendEntities,
};
