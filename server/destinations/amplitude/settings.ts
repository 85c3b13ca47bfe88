import { z } from "zod";
import type { DestinationSettingsOf } from "../types";

export const amplitudeSettings = z.object({
  apiKey: z.string().min(1).meta({ title: "API key", description: "Project settings → General → API key." }),
  useBatchEndpoint: z
    .boolean()
    .default(false)
    .meta({
      title: "Use the Batch API",
      description: "Send batches to /batch instead of /2/httpapi: higher limits per user and device, for high volumes.",
    }),
  minIdLength: z
    .number()
    .int()
    .min(1)
    .optional()
    .meta({ title: "Minimum id length", description: "Amplitude rejects user and device ids shorter than 5 characters unless this is lower." }),
});

export type AmplitudeSettings = DestinationSettingsOf<typeof amplitudeSettings>;

export const AMPLITUDE_REGIONS = {
  US: "https://api2.amplitude.com",
  EU: "https://api.eu.amplitude.com",
};
