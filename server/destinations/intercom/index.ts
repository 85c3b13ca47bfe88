import type { DestinationDefinition } from "../types";
import { identifyContact } from "./identify-contact";
import { INTERCOM_REGIONS, intercomSettings } from "./settings";
import { testConnection } from "./test-connection";
import { trackEvent } from "./track-event";

/**
 * Intercom's REST API. Confirmed from Intercom's docs: regional hosts, `/events` body and
 * metadata types, the 409 body of `POST /contacts`, versions up to 2.15. Unconfirmed: the ten-key metadata cap (seen in Segment's docs).
 */
export const intercom: DestinationDefinition<typeof intercomSettings> = {
  key: "intercom",
  name: "Intercom",
  category: "CRM",
  description: "Customer messaging: users from identify calls and their events, through Intercom's REST API.",
  settings: intercomSettings,
  secretSettings: ["accessToken"],
  regions: INTERCOM_REGIONS,
  defaultRegion: "US",
  // Events are filed under an existing user, so the identify that creates them must land first.
  keepsUserOrder: true,
  testConnection,
  actions: [identifyContact, trackEvent],
};
