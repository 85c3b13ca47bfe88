import { z } from "zod";
import type { DestinationSettingsOf } from "../types";

/** A stable revision checked against Klaviyo's OpenAPI spec; revisions retire two years after release. */
export const DEFAULT_KLAVIYO_REVISION = "2026-07-15";

export const klaviyoSettings = z.object({
  apiKey: z
    .string()
    .min(1)
    .meta({ title: "Private API key", description: "Settings → API keys → Create private API key (pk_…), with events:write and profiles:write." }),
  revision: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}(\.[a-z]+)?$/, "must be a revision date like 2026-07-15")
    .default(DEFAULT_KLAVIYO_REVISION)
    .meta({ title: "API revision", description: "The dated API revision requests ask for (the revision header)." }),
});

export type KlaviyoSettings = DestinationSettingsOf<typeof klaviyoSettings>;

/** Klaviyo has one API host; it is declared as a region so the base URL can be overridden. */
export const KLAVIYO_REGIONS = {
  US: "https://a.klaviyo.com",
};
