import { z } from "zod";
import { messageUuid } from "../message-uuid";
import { sameOutcome } from "../outcomes";
import type { ActionContext, BatchLimits, DeliveryOutcome } from "../types";
import { customEventName } from "./custom-event-name";
import { hubspotEventProperties } from "./event-properties";
import { hubspotRequest } from "./hubspot-request";
import type { HubspotSettings } from "./settings";

export const customEventFields = z
  .object({
    eventName: z.string().min(1).meta({ description: "The event's name, or its full name pe<Hub ID>_<name>." }),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
    email: z.string().min(1).optional().meta({ description: "Finds the contact the event belongs to." }),
    objectId: z.string().min(1).optional().meta({ description: "The record's HubSpot id, instead of an email." }),
    utk: z.string().min(1).optional().meta({ description: "The visitor's hubspotutk cookie." }),
    uuid: z.string().min(1).optional().meta({ description: "Deduplicates; a message id is turned into a UUID." }),
    properties: z.record(z.string(), z.unknown()).meta({ description: "Properties defined on the event in HubSpot (50 at most)." }),
  })
  .refine((event) => event.email !== undefined || event.objectId !== undefined || event.utk !== undefined, "needs an email, objectId or utk");

export type CustomEvent = z.output<typeof customEventFields>;

/** Conservative: HubSpot's batch size for event occurrences is not confirmed. */
export const EVENT_BATCH: BatchLimits = { maxEvents: 100, maxBytes: 1024 * 1024 };

/** Sends event occurrences: one to `/events/v3/send`, several to `/events/v3/send/batch` (204 either way). */
export async function sendCustomEvents(ctx: ActionContext<HubspotSettings>, events: CustomEvent[]): Promise<DeliveryOutcome[]> {
  const occurrences = events.map(({ eventName, uuid, properties, ...rest }) => ({
    ...rest,
    eventName: customEventName(eventName, ctx.settings.hubId),
    ...(uuid === undefined ? {} : { uuid: messageUuid(uuid) }),
    properties: hubspotEventProperties(properties),
  }));
  const [one] = occurrences;
  const result =
    occurrences.length === 1
      ? await hubspotRequest(ctx, "POST", "/events/v3/send", one)
      : await hubspotRequest(ctx, "POST", "/events/v3/send/batch", { inputs: occurrences });
  return sameOutcome(result.outcome, events.length);
}
