import { z } from "zod";
import { basicAuth } from "../basic-auth";
import { batchOfOne } from "../batch-of-one";
import { finalError } from "../errors";
import type { HttpResult } from "../http-client";
import { DELIVERED, failed, sameOutcome } from "../outcomes";
import type { ActionContext, ActionDefinition, DeliveryOutcome } from "../types";
import type { SegmentSettings } from "./settings";

const fields = z.looseObject({
  type: z.enum(["identify", "track", "page", "screen", "group", "alias"]),
  messageId: z.string().min(1),
});

type Payload = z.output<typeof fields>;

/** Segment-compatible batch calls: at most 500 KB a request (and 32 KB an event). */
async function forward(ctx: ActionContext<SegmentSettings>, events: Payload[]): Promise<DeliveryOutcome[]> {
  const result = await ctx.http.request({
    method: "POST",
    url: `${ctx.baseUrl}/v1/batch`,
    headers: { Authorization: basicAuth(ctx.settings.writeKey) },
    json: { batch: events },
  });
  return forwardOutcomes(result, events.length);
}

/** Switchyard's own answer to a mixed batch: it keeps the valid events and lists the others. */
const partialAnswer = z.object({
  accepted: z.number().int(),
  details: z.array(z.object({ index: z.number().int().nonnegative().optional(), field: z.string(), message: z.string() })).min(1),
});

function forwardOutcomes(result: HttpResult, count: number): DeliveryOutcome[] {
  const parsed = result.response?.status === 400 ? partialAnswer.safeParse(result.response.json) : undefined;
  const issues = parsed?.success ? parsed.data.details.filter((issue) => issue.index !== undefined) : [];
  if (issues.length === 0) return sameOutcome(result.outcome, count);
  const outcomes = sameOutcome(DELIVERED, count);
  for (const issue of issues) {
    if (issue.index === undefined || issue.index >= count) continue;
    outcomes[issue.index] = failed(finalError("REJECTED", `The receiving API rejected the event: ${issue.field} ${issue.message}`, { status: 400 }));
  }
  return outcomes;
}

export const forwardEvent: ActionDefinition<SegmentSettings, Payload> = {
  key: "forwardEvent",
  title: "Forward Event",
  description: "Forward every event, as it is, to a Segment-compatible tracking API.",
  fields,
  defaultTrigger: "all",
  defaultMappingFile: "mappings/segment/forward-event.jsonata",
  batch: { maxEvents: 500, maxBytes: 450 * 1024 },
  perform: batchOfOne(forward),
  performBatch: forward,
};
