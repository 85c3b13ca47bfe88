import { batchOfOne } from "../batch-of-one";
import type { ActionDefinition } from "../types";
import { contactFields } from "./contact-fields";
import type { ContactUpsert } from "./contact-fields";
import type { HubspotSettings } from "./settings";
import { CONTACT_BATCH, upsertContacts } from "./upsert-contacts";

export const upsertContact: ActionDefinition<HubspotSettings, ContactUpsert> = {
  key: "upsertContact",
  title: "Create or Update Contact",
  description: "Create or update a HubSpot contact, found by email, from identify calls.",
  fields: contactFields,
  // HubSpot finds contacts by email: identifies without one are skipped.
  defaultTrigger: 'type = "identify" and traits.email != null',
  defaultMappingFile: "mappings/hubspot/upsert-contact.jsonata",
  batch: CONTACT_BATCH,
  perform: batchOfOne(upsertContacts),
  performBatch: upsertContacts,
};
