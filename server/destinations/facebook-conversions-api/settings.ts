import { z } from "zod";
import type { DestinationSettingsOf } from "../types";

export const facebookSettings = z.object({
  pixelId: z
    .string()
    .regex(/^\d+$/, "must be the pixel's (dataset's) number")
    .meta({ title: "Pixel ID", description: "Events Manager → Data sources → your pixel → Settings." }),
  accessToken: z
    .string()
    .min(1)
    .meta({ title: "Access token", description: "Events Manager → your pixel → Settings → Conversions API → Generate access token." }),
  apiVersion: z
    .string()
    .regex(/^v\d+\.\d+$/, "must be a Graph API version like v24.0")
    .default("v24.0")
    .meta({ title: "Graph API version" }),
  testEventCode: z
    .string()
    .min(1)
    .optional()
    .meta({ title: "Test event code", description: "From Events Manager → Test events: events then show there only. Remove it to go live." }),
});

export type FacebookSettings = DestinationSettingsOf<typeof facebookSettings>;

/** The Graph API has one host; it is declared as a region so the base URL can be overridden. */
export const FACEBOOK_REGIONS = {
  Global: "https://graph.facebook.com",
};
