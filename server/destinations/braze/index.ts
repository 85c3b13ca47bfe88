import type { DestinationDefinition } from "../types";
import { BRAZE_REGIONS, brazeSettings } from "./settings";
import { trackEvent } from "./track-event";
import { trackPurchase } from "./track-purchase";
import { updateUserProfile } from "./update-user-profile";

/**
 * Braze's /users/track. Confirmed from Braze's docs: instance hosts, Bearer auth, 75 objects of each
 * kind a request, the `errors` (input_array, index) answer. Unconfirmed: hosts of instances not listed (ID-01, JP-01: use the base URL).
 */
export const braze: DestinationDefinition<typeof brazeSettings> = {
  key: "braze",
  name: "Braze",
  category: "Marketing Automation",
  description: "Customer engagement: user attributes, custom events and purchases through /users/track.",
  settings: brazeSettings,
  secretSettings: ["apiKey"],
  regions: BRAZE_REGIONS,
  defaultRegion: "US-01",
  // Segments and triggered messages read attributes an earlier identify set.
  keepsUserOrder: true,
  actions: [updateUserProfile, trackEvent, trackPurchase],
};
