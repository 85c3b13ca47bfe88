import type { DestinationDefinition } from "../types";
import { HUBSPOT_REGIONS, hubspotSettings } from "./settings";
import { testConnection } from "./test-connection";
import { trackEvent } from "./track-event";
import { upsertContact } from "./upsert-contact";

/**
 * HubSpot's CRM v3 and custom events APIs, confirmed in HubSpot's docs (batch/upsert with
 * objectWriteTraceId, events/v3/send(/batch), uuid). Unconfirmed: email as batch upsert idProperty, the events batch size, EU hosts.
 */
export const hubspot: DestinationDefinition<typeof hubspotSettings> = {
  key: "hubspot",
  name: "HubSpot",
  category: "CRM",
  description: "CRM: contacts from identify calls, found by email, and custom event occurrences from track calls.",
  settings: hubspotSettings,
  secretSettings: ["accessToken"],
  regions: HUBSPOT_REGIONS,
  defaultRegion: "Global",
  // An event is filed under the contact, which the identify before it creates.
  keepsUserOrder: true,
  testConnection,
  actions: [upsertContact, trackEvent],
};
