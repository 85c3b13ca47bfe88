import type { ActionContext, BatchLimits, DeliveryOutcome } from "../types";
import { contactBatchOutcomes } from "./batch-outcomes";
import type { ContactUpsert } from "./contact-fields";
import { hubspotRequest } from "./hubspot-request";
import type { HubspotSettings } from "./settings";

/** HubSpot's CRM batch endpoints take up to 100 inputs. */
export const CONTACT_BATCH: BatchLimits = { maxEvents: 100, maxBytes: 1024 * 1024 };

type Context = ActionContext<HubspotSettings>;
type Properties = ContactUpsert["properties"];

/**
 * One contact: update it by email (`PATCH …/contacts/{email}?idProperty=email`); a 404 means
 * there is none yet, so it is created (`POST …/contacts`).
 */
async function upsertContact(ctx: Context, properties: Properties): Promise<DeliveryOutcome> {
  const path = `/crm/v3/objects/contacts/${encodeURIComponent(properties.email)}?idProperty=email`;
  const updated = await hubspotRequest(ctx, "PATCH", path, { properties });
  if (updated.response?.status !== 404) return updated.outcome;
  const created = await hubspotRequest(ctx, "POST", "/crm/v3/objects/contacts", { properties });
  return created.outcome;
}

/**
 * Contacts with the same email become one update, later properties winning, as if sent one
 * after another: a batch may not name the same contact twice.
 */
function mergeByEmail(contacts: ContactUpsert[]): Array<{ properties: Properties; positions: number[] }> {
  const groups = new Map<string, { properties: Properties; positions: number[] }>();
  contacts.forEach(({ properties }, position) => {
    const key = properties.email.toLowerCase();
    const group = groups.get(key);
    if (group) {
      group.properties = { ...group.properties, ...properties };
      group.positions.push(position);
    } else {
      groups.set(key, { properties, positions: [position] });
    }
  });
  return [...groups.values()];
}

/**
 * Sends contacts: one alone as update-else-create, several as one `batch/upsert` by email. Each
 * input carries its position as `objectWriteTraceId`, so a multi-status answer names failures.
 */
export async function upsertContacts(ctx: Context, contacts: ContactUpsert[]): Promise<DeliveryOutcome[]> {
  const groups = mergeByEmail(contacts);
  let groupOutcomes: DeliveryOutcome[];
  if (groups.length === 1 && groups[0]) {
    groupOutcomes = [await upsertContact(ctx, groups[0].properties)];
  } else {
    const inputs = groups.map(({ properties }, index) => ({ idProperty: "email", id: properties.email, objectWriteTraceId: String(index), properties }));
    const result = await hubspotRequest(ctx, "POST", "/crm/v3/objects/contacts/batch/upsert", { inputs });
    groupOutcomes = contactBatchOutcomes(result, groups.length);
  }
  const outcomes: DeliveryOutcome[] = [];
  groups.forEach((group, index) => {
    const outcome = groupOutcomes[index];
    if (outcome) for (const position of group.positions) outcomes[position] = outcome;
  });
  return outcomes;
}
