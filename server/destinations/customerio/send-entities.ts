import { z } from "zod";
import { basicAuth } from "../basic-auth";
import { finalError } from "../errors";
import type { HttpResult } from "../http-client";
import { DELIVERED, failed, sameOutcome } from "../outcomes";
import type { ActionContext, BatchLimits, DeliveryOutcome } from "../types";
import type { PersonEvent } from "./entity-fields";
import { customerioEventId } from "./event-id";
import type { CustomerioSettings } from "./settings";

/** The Track API v2 batch takes up to 100 entities and 500 KB a request. */
export const ENTITY_BATCH: BatchLimits = { maxEvents: 100, maxBytes: 490_000 };

/**
 * Sends one entity to `/api/v2/entity`, or several to `/api/v2/batch`. A batch answer names the
 * entities it refused in `errors[].batch_index`; those fail for good, the others are delivered.
 */
export async function sendEntities(ctx: ActionContext<CustomerioSettings>, entities: unknown[]): Promise<DeliveryOutcome[]> {
  const one = entities.length === 1;
  const result = await ctx.http.request({
    method: "POST",
    url: `${ctx.baseUrl}/api/v2/${one ? "entity" : "batch"}`,
    headers: { Authorization: basicAuth(ctx.settings.siteId, ctx.settings.apiKey) },
    json: one ? entities[0] : { batch: entities },
  });
  return one ? [result.outcome] : batchOutcomes(result, entities.length);
}

/** Person events (event, page, screen) go out with their `id` as the ULID Customer.io requires. */
export function sendPersonEvents(ctx: ActionContext<CustomerioSettings>, events: PersonEvent[]): Promise<DeliveryOutcome[]> {
  return sendEntities(
    ctx,
    events.map((event) => (event.id === undefined ? event : { ...event, id: customerioEventId(event.id, event.timestamp) })),
  );
}

const batchErrors = z.object({
  errors: z
    .array(z.object({ batch_index: z.number().int().nonnegative(), reason: z.string().optional(), field: z.string().optional(), message: z.string().optional() }))
    .min(1),
});

function batchOutcomes(result: HttpResult, count: number): DeliveryOutcome[] {
  const { response } = result;
  const perEntity = response && (response.status < 300 || response.status === 400) ? batchErrors.safeParse(response.json) : undefined;
  if (!perEntity?.success) return sameOutcome(result.outcome, count);
  const outcomes = sameOutcome(DELIVERED, count);
  for (const error of perEntity.data.errors) {
    if (error.batch_index >= count) continue;
    const reason = [error.field, error.message ?? error.reason].filter(Boolean).join(": ") || "no reason given";
    outcomes[error.batch_index] = failed(finalError("REJECTED", `Customer.io rejected the entity: ${reason}`, { status: response?.status }));
  }
  return outcomes;
}
