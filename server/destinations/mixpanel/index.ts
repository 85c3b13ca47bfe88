import type { DestinationDefinition } from "../types";
import { alias } from "./alias";
import { groupIdentify } from "./group-identify";
import { identifyUser } from "./identify-user";
import { MIXPANEL_REGIONS, mixpanelSettings } from "./settings";
import { trackEvent } from "./track-event";
import { trackPage } from "./track-page";
import { trackScreen } from "./track-screen";

export const mixpanel: DestinationDefinition<typeof mixpanelSettings> = {
  key: "mixpanel",
  name: "Mixpanel",
  category: "Analytics",
  description: "Product analytics: events through /import, user and group profiles through /engage and /groups.",
  settings: mixpanelSettings,
  secretSettings: ["apiSecret"],
  regions: MIXPANEL_REGIONS,
  defaultRegion: "US",
  keepsUserOrder: true,
  actions: [trackEvent, trackPage, trackScreen, identifyUser, groupIdentify, alias],
};
