import { z } from "zod";

/** Names GA4 keeps for itself; events with them are dropped. */
const RESERVED_EVENT_NAMES = new Set([
  "ad_activeview", "ad_click", "ad_exposure", "ad_impression", "ad_query", "ad_reward", "adunit_exposure",
  "app_background", "app_clear_data", "app_exception", "app_remove", "app_store_refund",
  "app_store_subscription_cancel", "app_store_subscription_convert", "app_store_subscription_renew",
  "app_update", "app_upgrade", "dynamic_link_app_open", "dynamic_link_app_update", "dynamic_link_first_open",
  "error", "first_open", "first_visit", "in_app_purchase", "notification_dismiss", "notification_foreground",
  "notification_open", "notification_receive", "os_update", "session_start", "session_start_with_rollout", "user_engagement",
]);
const RESERVED_PREFIX = /^(ga_|google_|firebase_)/;

const eventName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, "must start with a letter and hold at most 40 letters, digits and underscores")
  .refine((name) => !RESERVED_EVENT_NAMES.has(name) && !RESERVED_PREFIX.test(name), "is reserved by GA4");

export const ga4EventFields = z.object({
  name: eventName,
  params: z.record(z.string(), z.unknown()).optional().meta({ description: "Flat values and `items`; the first 25 are sent." }),
  timestamp_micros: z.number().int().positive().optional().meta({ description: "When the event happened, in microseconds (GA4 takes up to 72 hours back)." }),
});

export const ga4Fields = z.object({
  client_id: z.string().min(1).meta({ description: "The browser's id (the anonymousId, or the _ga cookie's client id)." }),
  user_id: z.string().min(1).max(256).optional(),
  user_properties: z.record(z.string(), z.object({ value: z.union([z.string(), z.number()]) })).optional(),
  events: z.array(ga4EventFields).min(1).max(25),
});

export type Ga4Payload = z.output<typeof ga4Fields>;
export type Ga4Event = z.output<typeof ga4EventFields>;
