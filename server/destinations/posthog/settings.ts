import { z } from "zod";
import type { DestinationSettingsOf } from "../types";

export const posthogSettings = z.object({
  apiKey: z
    .string()
    .min(1)
    .meta({ title: "Project API key", description: "Project settings → Project API key (starts with phc_). Sent in the request body." }),
  groupType: z
    .string()
    .min(1)
    .default("company")
    .meta({ title: "Group type", description: "The group type group calls update, when the mapping names none (PostHog allows 5 a project)." }),
  historicalMigration: z
    .boolean()
    .default(false)
    .meta({
      title: "Historical migration",
      description: "Mark requests as a historical import, so a replay of old events does not trip PostHog's spike detection.",
    }),
});

export type PosthogSettings = DestinationSettingsOf<typeof posthogSettings>;

export const POSTHOG_REGIONS = {
  US: "https://us.i.posthog.com",
  EU: "https://eu.i.posthog.com",
};
