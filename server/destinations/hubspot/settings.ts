import { z } from "zod";
import type { DestinationSettingsOf } from "../types";

export const hubspotSettings = z.object({
  accessToken: z
    .string()
    .min(1)
    .meta({ title: "Access token", description: "A private app's access token (Settings → Integrations → Private apps), with the CRM contacts scopes." }),
  hubId: z
    .string()
    .regex(/^\d+$/, "must be the account's number, e.g. 20118943")
    .optional()
    .meta({ title: "Hub ID", description: "The account's Hub ID; custom event names become pe<Hub ID>_<name>. Needed for Track Event." }),
});

export type HubspotSettings = DestinationSettingsOf<typeof hubspotSettings>;

/** HubSpot has one public API host; it is declared as a region so the base URL can be overridden. */
export const HUBSPOT_REGIONS = {
  Global: "https://api.hubapi.com",
};
