import type { DestinationDefinition } from "../types";
import { identifyUser } from "./identify-user";
import { AMPLITUDE_REGIONS, amplitudeSettings } from "./settings";
import { trackEvent } from "./track-event";
import { trackPage } from "./track-page";
import { trackScreen } from "./track-screen";

export const amplitude: DestinationDefinition<typeof amplitudeSettings> = {
  key: "amplitude",
  name: "Amplitude",
  category: "Analytics",
  description: "Product analytics: events through the HTTP V2 (or Batch) API, user properties through the Identify API.",
  settings: amplitudeSettings,
  secretSettings: ["apiKey"],
  regions: AMPLITUDE_REGIONS,
  defaultRegion: "US",
  // User properties apply only to later events, so an identify must land before the track after it.
  keepsUserOrder: true,
  actions: [trackEvent, trackPage, trackScreen, identifyUser],
};
