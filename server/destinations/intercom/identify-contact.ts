import { z } from "zod";
import { retryableError } from "../errors";
import { failed } from "../outcomes";
import type { ActionContext, ActionDefinition, DeliveryOutcome } from "../types";
import { conflictingContactId, searchContactId } from "./find-contact";
import { intercomRequest } from "./intercom-request";
import type { IntercomSettings } from "./settings";

const fields = z
  .object({
    role: z.literal("user"),
    external_id: z.string().min(1).optional(),
    email: z.string().min(1).optional(),
    phone: z.string().min(1).optional(),
    name: z.string().min(1).optional(),
    avatar: z.url().optional().meta({ description: "An image URL." }),
    signed_up_at: z.number().int().positive().optional().meta({ description: "Unix seconds." }),
    last_seen_at: z.number().int().positive().optional().meta({ description: "Unix seconds." }),
    custom_attributes: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
      .optional()
      .meta({ description: "Only attributes already created in the Intercom workspace; flat values." }),
  })
  .refine((contact) => contact.external_id !== undefined || contact.email !== undefined, "needs an external_id or an email");

type Payload = z.output<typeof fields>;

/**
 * Creates the user (`POST /contacts`); when Intercom answers 409 because the contact exists, updates
 * it (`PUT /contacts/{id}`), with the id the 409 names, else the one a search by external_id or
 * email finds. A search that finds nothing yet is retried later (its index lags creation).
 */
async function upsertContact(ctx: ActionContext<IntercomSettings>, contact: Payload): Promise<DeliveryOutcome> {
  const created = await intercomRequest(ctx, "POST", "/contacts", contact);
  if (created.response?.status !== 409) return created.outcome;
  const id = conflictingContactId(created.response.json) ?? (await searchContactId(ctx, contact));
  if (id === undefined) {
    return failed(retryableError("UPSTREAM_ERROR", "Intercom says the contact exists but could not find it yet; it goes again", { status: 409 }));
  }
  const updated = await intercomRequest(ctx, "PUT", `/contacts/${encodeURIComponent(id)}`, contact);
  return updated.outcome;
}

export const identifyContact: ActionDefinition<IntercomSettings, Payload> = {
  key: "identifyContact",
  title: "Create or Update User",
  description: "Create an Intercom user from identify calls, or update the existing one with the same external_id or email.",
  fields,
  defaultTrigger: 'type = "identify" and (userId != null or traits.email != null)',
  defaultMappingFile: "mappings/intercom/identify-contact.jsonata",
  perform: upsertContact,
};
