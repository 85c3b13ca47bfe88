import { z } from "zod";
import type { DestinationSettingsOf } from "../types";

export const customerioSettings = z.object({
  siteId: z.string().min(1).meta({ title: "Site ID", description: "Workspace settings → API credentials → Track API keys." }),
  apiKey: z.string().min(1).meta({ title: "Track API key" }),
});

export type CustomerioSettings = DestinationSettingsOf<typeof customerioSettings>;

export const CUSTOMERIO_REGIONS = {
  US: "https://track.customer.io",
  EU: "https://track-eu.customer.io",
};
