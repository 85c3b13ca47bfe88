import { z } from "zod";
import type { DestinationSettingsOf } from "../types";

export const ga4Settings = z.object({
  measurementId: z
    .string()
    .regex(/^G-[A-Z0-9]+$/, "must be a web stream's measurement ID, e.g. G-1A2B3C4D5E")
    .meta({ title: "Measurement ID", description: "Admin → Data streams → your web stream → Measurement ID." }),
  apiSecret: z
    .string()
    .min(1)
    .meta({ title: "API secret", description: "The same stream → Measurement Protocol API secrets → Create." }),
  validationMode: z
    .boolean()
    .default(false)
    .meta({
      title: "Validate only",
      description: "Send to the validation server (/debug/mp/collect), which reports what GA4 would drop and records nothing. For setting up.",
    }),
});

export type Ga4Settings = DestinationSettingsOf<typeof ga4Settings>;

/** The EU host keeps collection in the EU; both record into the same properties. */
export const GA4_REGIONS = {
  Global: "https://www.google-analytics.com",
  EU: "https://region1.google-analytics.com",
};
