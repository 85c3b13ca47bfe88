import type { DestinationDefinition } from "../types";
import { groupObject } from "./group-object";
import { identifyPerson } from "./identify-person";
import { CUSTOMERIO_REGIONS, customerioSettings } from "./settings";
import { testConnection } from "./test-connection";
import { trackEvent } from "./track-event";
import { trackPage } from "./track-page";
import { trackScreen } from "./track-screen";

export const customerio: DestinationDefinition<typeof customerioSettings> = {
  key: "customerio",
  name: "Customer.io",
  category: "Marketing Automation",
  description: "Messaging automation: people, their events and page/screen views, and objects, through the Track API v2.",
  settings: customerioSettings,
  secretSettings: ["apiKey"],
  regions: CUSTOMERIO_REGIONS,
  defaultRegion: "US",
  // An event for a person who is not identified yet would create them without their attributes.
  keepsUserOrder: true,
  testConnection,
  actions: [identifyPerson, trackEvent, trackPage, trackScreen, groupObject],
};
