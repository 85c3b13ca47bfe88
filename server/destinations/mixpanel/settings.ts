import { z } from "zod";
import type { DestinationSettingsOf } from "../types";

export const mixpanelSettings = z.object({
  projectToken: z
    .string()
    .min(1)
    .meta({ title: "Project token", description: "Project settings → Access keys. Identifies the project in profile updates." }),
  apiSecret: z
    .string()
    .optional()
    .meta({
      title: "API secret",
      description: "The project's API secret, for /import. When empty, /import authenticates with the project token.",
    }),
  groupKey: z
    .string()
    .min(1)
    .default("company_id")
    .meta({ title: "Group key", description: "The group key set up in Mixpanel, used when a group call's mapping names none." }),
});

export type MixpanelSettings = DestinationSettingsOf<typeof mixpanelSettings>;

export const MIXPANEL_REGIONS = {
  US: "https://api.mixpanel.com",
  EU: "https://api-eu.mixpanel.com",
  IN: "https://api-in.mixpanel.com",
};
