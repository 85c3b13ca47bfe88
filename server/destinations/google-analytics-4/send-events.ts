import { DELIVERED } from "../outcomes";
import type { ActionContext, BatchLimits, DeliveryOutcome } from "../types";
import { collectUrl } from "./collect-url";
import { ga4Params } from "./event-params";
import type { Ga4Event, Ga4Payload } from "./event-fields";
import type { Ga4Settings } from "./settings";
import { validationOutcomes } from "./validation-outcomes";

/** GA4 takes 25 events and 130 kB a request; a batch stays under the bytes so each request does. */
export const MAX_EVENTS_PER_REQUEST = 25;
export const GA4_BATCH: BatchLimits = { maxEvents: 500, maxBytes: 120_000 };

interface Request {
  envelope: Omit<Ga4Payload, "events">;
  entries: Array<{ payload: number; event: Ga4Event }>;
}

/**
 * The request's client_id, user_id and user_properties apply to every event in it, so events go
 * together only when they share all three; each such group is sent 25 events to a request, in order.
 */
function requestsFor(payloads: Ga4Payload[]): Request[] {
  const groups = new Map<string, Request>();
  payloads.forEach(({ events, ...envelope }, payload) => {
    const key = JSON.stringify([envelope.client_id, envelope.user_id ?? null, envelope.user_properties ?? null]);
    const group = groups.get(key) ?? { envelope, entries: [] };
    groups.set(key, group);
    for (const event of events) group.entries.push({ payload, event: event.params ? { ...event, params: ga4Params(event.params) } : event });
  });
  return [...groups.values()].flatMap(({ envelope, entries }) =>
    Array.from({ length: Math.ceil(entries.length / MAX_EVENTS_PER_REQUEST) }, (_, i) => ({
      envelope,
      entries: entries.slice(i * MAX_EVENTS_PER_REQUEST, (i + 1) * MAX_EVENTS_PER_REQUEST),
    })),
  );
}

/**
 * Sends events to `/mp/collect` (which answers 2xx whatever it keeps), or in validation mode to
 * `/debug/mp/collect`, whose messages fail the events they name. A payload fails when any of its
 * events does; after a retryable failure nothing more is sent.
 */
export async function sendGa4Events(ctx: ActionContext<Ga4Settings>, payloads: Ga4Payload[]): Promise<DeliveryOutcome[]> {
  const debug = ctx.settings.validationMode;
  const outcomes: DeliveryOutcome[] = payloads.map(() => DELIVERED);
  const fail = (payload: number, outcome: DeliveryOutcome) => {
    if (outcome.status === "failed" && outcomes[payload]?.status === "delivered") outcomes[payload] = outcome;
  };
  const requests = requestsFor(payloads);
  for (const [position, { envelope, entries }] of requests.entries()) {
    const result = await ctx.http.request({ method: "POST", url: collectUrl(ctx, debug), json: { ...envelope, events: entries.map(({ event }) => event) } });
    const eventOutcomes = debug ? validationOutcomes(result, entries.length) : entries.map(() => result.outcome);
    entries.forEach(({ payload }, index) => fail(payload, eventOutcomes[index] ?? result.outcome));
    if (result.outcome.status === "failed" && result.outcome.error.retryable) {
      for (const later of requests.slice(position + 1)) for (const { payload } of later.entries) fail(payload, result.outcome);
      break;
    }
  }
  return outcomes;
}
