import { z } from "zod";
import { basicAuth } from "../basic-auth";
import { finalError } from "../errors";
import type { HttpResult } from "../http-client";
import { DELIVERED, failed, sameOutcome } from "../outcomes";
import type { ActionContext, BatchLimits, DeliveryOutcome } from "../types";
import { mixpanelInsertId } from "./insert-id";
import type { MixpanelSettings } from "./settings";

/** One event as `/import` takes it. */
export const importEventFields = z.object({
  event: z.string().min(1),
  properties: z.looseObject({
    time: z.number().int().positive().meta({ description: "Milliseconds since the epoch." }),
    distinct_id: z.string(),
    // Validation gives the id Mixpanel takes, so the request sends the payload as it is.
    $insert_id: z.string().min(1).overwrite(mixpanelInsertId),
  }),
});

export type ImportEvent = z.output<typeof importEventFields>;

/** Mixpanel accepts up to 2000 events and 2 MB (newer docs say 10 MB) a request; the lower bound is safe. */
export const IMPORT_BATCH: BatchLimits = { maxEvents: 2000, maxBytes: 2 * 1024 * 1024 };

/**
 * Sends events to `/import?strict=1`. In strict mode a 400 lists the events that failed
 * validation in `failed_records[].index` and imports the rest: those become final per-event
 * failures and the others are delivered.
 */
export async function importEvents(ctx: ActionContext<MixpanelSettings>, events: ImportEvent[]): Promise<DeliveryOutcome[]> {
  const body = events.map((event) => {
    const insertId = mixpanelInsertId(event.properties.$insert_id);
    return insertId === event.properties.$insert_id ? event : { ...event, properties: { ...event.properties, $insert_id: insertId } };
  });
  const result = await ctx.http.request({
    method: "POST",
    url: `${ctx.baseUrl}/import?strict=1`,
    headers: { Authorization: basicAuth(ctx.settings.apiSecret || ctx.settings.projectToken), Accept: "application/json" },
    json: body,
  });
  return importOutcomes(result, events.length);
}

const failedRecords = z.object({
  failed_records: z
    .array(z.object({ index: z.number().int().nonnegative(), field: z.string().optional(), message: z.string().optional() }))
    .min(1),
});

function importOutcomes(result: HttpResult, count: number): DeliveryOutcome[] {
  const parsed = result.response?.status === 400 ? failedRecords.safeParse(result.response.json) : undefined;
  if (!parsed?.success) return sameOutcome(result.outcome, count);
  const outcomes: DeliveryOutcome[] = sameOutcome(DELIVERED, count);
  for (const record of parsed.data.failed_records) {
    if (record.index >= count) continue;
    const reason = record.message ?? `invalid ${record.field ?? "event"}`;
    outcomes[record.index] = failed(finalError("REJECTED", `Mixpanel rejected the event: ${reason}`, { status: 400 }));
  }
  return outcomes;
}
