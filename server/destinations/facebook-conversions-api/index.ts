import type { DestinationDefinition } from "../types";
import { FACEBOOK_REGIONS, facebookSettings } from "./settings";
import { trackEvent } from "./track-event";
import { trackPage } from "./track-page";

/**
 * Meta's Conversions API. Confirmed in Meta's docs: endpoint, parameters, which are hashed, website
 * requirements, 4xx for invalid payloads. Unconfirmed here: that one bad event refuses its whole request, the 7-day window.
 */
export const facebookConversionsApi: DestinationDefinition<typeof facebookSettings> = {
  key: "facebook-conversions-api",
  name: "Facebook Conversions API",
  category: "Advertising",
  description: "Meta ads measurement: server-side conversion events, with customer information normalised and hashed.",
  settings: facebookSettings,
  secretSettings: ["accessToken"],
  regions: FACEBOOK_REGIONS,
  defaultRegion: "Global",
  keepsUserOrder: false,
  actions: [trackEvent, trackPage],
};
