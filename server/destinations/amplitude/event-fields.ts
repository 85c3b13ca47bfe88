import { z } from "zod";

const properties = z.record(z.string(), z.unknown());

/** One event as the HTTP V2 and Batch APIs take it; fields not named here pass through as they are. */
export const amplitudeEventFields = z
  .looseObject({
    event_type: z.string().min(1),
    user_id: z.string().min(1).optional(),
    device_id: z.string().min(1).optional(),
    time: z.number().int().positive().optional().meta({ description: "Milliseconds since the epoch." }),
    insert_id: z.string().min(1).optional().meta({ description: "Amplitude ignores a repeat of an insert_id within 7 days." }),
    session_id: z.number().int().optional(),
    event_properties: properties.optional(),
    user_properties: properties.optional(),
    groups: properties.optional(),
    revenue: z.number().optional(),
  })
  .refine((event) => event.user_id !== undefined || event.device_id !== undefined, {
    message: "user_id or device_id is required",
    path: ["user_id"],
  });

export type AmplitudeEvent = z.output<typeof amplitudeEventFields>;
