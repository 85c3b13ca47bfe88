import { z } from "zod";
import { userDataFields } from "./user-data";

const ACTION_SOURCES = ["website", "app", "email", "phone_call", "chat", "physical_store", "system_generated", "business_messaging", "other"] as const;

export const serverEventFields = z
  .object({
    event_name: z.string().min(1).meta({ description: "A standard event (Purchase, AddToCart...) or your own name." }),
    event_time: z.number().int().positive().meta({ description: "Unix seconds; Meta takes events up to 7 days old." }),
    action_source: z.enum(ACTION_SOURCES),
    event_id: z.string().min(1).optional().meta({ description: "Deduplicates against the Pixel's event with the same id." }),
    event_source_url: z.url().optional(),
    opt_out: z.boolean().optional(),
    user_data: userDataFields,
    custom_data: z
      .looseObject({
        currency: z.string().regex(/^[A-Za-z]{3}$/, "must be an ISO 4217 code").optional(),
        value: z.number().optional(),
        content_ids: z.array(z.string()).optional(),
        contents: z.array(z.looseObject({ id: z.string(), quantity: z.number().int().optional(), item_price: z.number().optional() })).optional(),
        num_items: z.number().int().optional(),
      })
      .optional(),
  })
  .refine(
    (event) => event.action_source !== "website" || (event.event_source_url !== undefined && event.user_data.client_user_agent !== undefined),
    "website events need event_source_url and user_data.client_user_agent",
  );

export type ServerEvent = z.output<typeof serverEventFields>;
