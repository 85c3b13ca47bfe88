import { z } from "zod";
import type { DestinationSettingsOf } from "../types";

export const intercomSettings = z.object({
  accessToken: z
    .string()
    .min(1)
    .meta({ title: "Access token", description: "Developer Hub → your app → Authentication → Access token (or an OAuth token)." }),
  apiVersion: z
    .string()
    .regex(/^\d+\.\d+$/, "must be a version like 2.15")
    .default("2.15")
    .meta({ title: "API version", description: "Sent as the Intercom-Version header." }),
});

export type IntercomSettings = DestinationSettingsOf<typeof intercomSettings>;

/** Intercom's regional hosts; api.intercom.io also routes other regions' workspaces, the regional host is exact. */
export const INTERCOM_REGIONS = {
  US: "https://api.intercom.io",
  EU: "https://api.eu.intercom.io",
  AU: "https://api.au.intercom.io",
};
