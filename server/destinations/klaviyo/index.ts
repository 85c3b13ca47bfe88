import type { DestinationDefinition } from "../types";
import { KLAVIYO_REGIONS, klaviyoSettings } from "./settings";
import { testConnection } from "./test-connection";
import { trackEvent } from "./track-event";
import { upsertProfile } from "./upsert-profile";

/**
 * Klaviyo's JSON:API. Confirmed against Klaviyo's OpenAPI spec (revision 2026-07-15): endpoints,
 * headers, bodies, 202 for events. Unconfirmed: that a 409 from profile-import means conflicting identifiers.
 */
export const klaviyo: DestinationDefinition<typeof klaviyoSettings> = {
  key: "klaviyo",
  name: "Klaviyo",
  category: "Marketing Automation",
  description: "Email and SMS marketing: events that trigger flows, and profiles, through Klaviyo's JSON:API.",
  settings: klaviyoSettings,
  secretSettings: ["apiKey"],
  regions: KLAVIYO_REGIONS,
  defaultRegion: "US",
  // A flow triggered by an event reads profile properties an earlier identify set.
  keepsUserOrder: true,
  testConnection,
  actions: [trackEvent, upsertProfile],
};
