import type { DestinationDefinition } from "../types";
import { GA4_REGIONS, ga4Settings } from "./settings";
import { testConnection } from "./test-connection";
import { trackEvent } from "./track-event";
import { trackPage } from "./track-page";

/**
 * GA4's Measurement Protocol, confirmed in Google's docs: hosts, query credentials, body, 25 events
 * a request, event-level timestamp_micros, the debug endpoint. Unconfirmed: the form of validationMessages' fieldPath.
 */
export const googleAnalytics4: DestinationDefinition<typeof ga4Settings> = {
  key: "google-analytics-4",
  name: "Google Analytics 4",
  category: "Analytics",
  description: "Web analytics: events and page views through GA4's Measurement Protocol, e-commerce as recommended events.",
  settings: ga4Settings,
  secretSettings: ["apiSecret"],
  regions: GA4_REGIONS,
  defaultRegion: "Global",
  keepsUserOrder: false,
  testConnection,
  actions: [trackEvent, trackPage],
};
