import { z } from "zod";
import type { DestinationSettingsOf } from "../types";

export const brazeSettings = z.object({
  apiKey: z
    .string()
    .min(1)
    .meta({ title: "REST API key", description: "Settings → APIs and Identifiers → REST API key with the users.track permission." }),
  appId: z
    .string()
    .min(1)
    .optional()
    .meta({ title: "App identifier", description: "Attributes events and purchases to this app (its API identifier); optional." }),
});

export type BrazeSettings = DestinationSettingsOf<typeof brazeSettings>;

/** Braze instances (the dashboard's cluster) and their REST endpoints, as Braze's docs list them. */
export const BRAZE_REGIONS = {
  "US-01": "https://rest.iad-01.braze.com",
  "US-02": "https://rest.iad-02.braze.com",
  "US-03": "https://rest.iad-03.braze.com",
  "US-04": "https://rest.iad-04.braze.com",
  "US-05": "https://rest.iad-05.braze.com",
  "US-06": "https://rest.iad-06.braze.com",
  "US-07": "https://rest.iad-07.braze.com",
  "US-08": "https://rest.iad-08.braze.com",
  "US-10": "https://rest.us-10.braze.com",
  "EU-01": "https://rest.fra-01.braze.eu",
  "EU-02": "https://rest.fra-02.braze.eu",
  "AU-01": "https://rest.au-01.braze.com",
};
