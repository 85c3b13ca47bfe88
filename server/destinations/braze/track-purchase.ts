import { z } from "zod";
import { batchOfOne } from "../batch-of-one";
import type { ActionContext, ActionDefinition } from "../types";
import type { BrazeSettings } from "./settings";
import { brazeTime, USER_REQUIRED, namesUser, userIdentifiers } from "./user-fields";
import { sendUsersTrack, USERS_TRACK_BATCH, withAppId } from "./users-track";

const purchase = z
  .object({
    ...userIdentifiers,
    app_id: z.string().min(1).optional(),
    product_id: z.string().min(1).max(255),
    currency: z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code, e.g. GBP"),
    price: z.number(),
    quantity: z.number().int().min(1).max(100).optional(),
    time: brazeTime,
    properties: z.record(z.string(), z.unknown()).optional(),
  })
  .refine(namesUser, USER_REQUIRED);

const fields = z.object({ purchases: z.array(purchase).min(1).meta({ description: "One purchase per product of the order." }) });

type Payload = z.output<typeof fields>;

function trackPurchases(ctx: ActionContext<BrazeSettings>, orders: Payload[]) {
  return sendUsersTrack(ctx, "purchases", orders.map((order) => order.purchases.map((item) => withAppId(ctx, item))));
}

/** Braze keeps purchase objects in maintenance mode (recommended e-commerce events are newer); they still work. */
export const trackPurchase: ActionDefinition<BrazeSettings, Payload> = {
  key: "trackPurchase",
  title: "Track Purchase",
  description: "Record Order Completed as Braze purchases, one per product (price, quantity, currency).",
  fields,
  defaultTrigger: 'type = "track" and event = "Order Completed" and userId != null',
  defaultMappingFile: "mappings/braze/track-purchase.jsonata",
  batch: USERS_TRACK_BATCH,
  perform: batchOfOne(trackPurchases),
  performBatch: trackPurchases,
};
