import type { DestinationDefinition } from "../types";
import { alias } from "./alias";
import { groupIdentify } from "./group-identify";
import { identifyUser } from "./identify-user";
import { POSTHOG_REGIONS, posthogSettings } from "./settings";
import { trackEvent } from "./track-event";
import { trackPage } from "./track-page";
import { trackScreen } from "./track-screen";

/**
 * PostHog's capture API (`/batch/`). Confirmed from PostHog's docs: hosts, body, 20 MB limit,
 * `$pageview`/`$identify`/`$groupidentify`/`$create_alias`. Unconfirmed: that `uuid` deduplicates a resent event.
 */
export const posthog: DestinationDefinition<typeof posthogSettings> = {
  key: "posthog",
  name: "PostHog",
  category: "Analytics",
  description: "Product analytics: events, page and screen views, person and group properties, aliases, through the capture API.",
  settings: posthogSettings,
  secretSettings: ["apiKey"],
  regions: POSTHOG_REGIONS,
  defaultRegion: "US",
  // Person properties set by $identify apply to the events after it.
  keepsUserOrder: true,
  actions: [trackEvent, trackPage, trackScreen, identifyUser, groupIdentify, alias],
};
