import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DeliveryError } from "../destinations/errors";
import { DELIVERED, failed } from "../destinations/outcomes";
import type { ActionDefinition, DeliveryOutcome, DestinationDefinition } from "../destinations/types";
import type { StoredEvent } from "../events/event-store";
import { compileMapping } from "../mapping/compile";
import { RequestLimiter } from "./limiter";
import type { ActionPlan } from "./plan-page";
import { sendPlans } from "./send-plan";
import { HELD_FOR_ORDER } from "./user-order";

/** A destination without HTTP: it records what each request carried and fails the ids it is told to (503-like). */
function fakeDestination(options: { keepsUserOrder: boolean; batchOf?: number; failing: string[] }) {
  const requests: string[][] = [];
  const idOf = (payload: unknown) => String((payload as { id: string }).id);
  const answer = (payload: unknown): DeliveryOutcome =>
    options.failing.includes(idOf(payload)) ? failed(new DeliveryError("UPSTREAM_ERROR", "HTTP 503 Service Unavailable", true)) : DELIVERED;
  const action: ActionDefinition<unknown, unknown> = {
    key: "send",
    title: "Send",
    description: "Sends the event.",
    fields: z.unknown(),
    defaultTrigger: "all",
    defaultMappingFile: "mappings/fake/send.jsonata",
    batch: options.batchOf ? { maxEvents: options.batchOf } : undefined,
    async perform(_ctx, payload) {
      requests.push([idOf(payload)]);
      return answer(payload);
    },
    performBatch: options.batchOf
      ? async (_ctx, payloads) => {
          requests.push(payloads.map(idOf));
          return payloads.map(answer);
        }
      : undefined,
  };
  const definition: DestinationDefinition = {
    key: "fake",
    name: "Fake",
    category: "Raw Data",
    description: "A destination for tests.",
    settings: z.object({}),
    secretSettings: [],
    keepsUserOrder: options.keepsUserOrder,
    actions: [action],
  };
  return { definition, action, requests };
}

/** One plan of events given as "user:position" ("U:1"), each sent as the payload `{ id }`. */
function planOf(action: ActionDefinition<unknown, unknown>, ids: string[]): ActionPlan {
  const event = (id: string): StoredEvent => {
    const [userId, position] = id.split(":");
    return { workspaceId: "w", sourceId: "s", messageId: id, type: "track", userId: userId!, anonymousId: null, event: "E", timestamp: 0, receivedAt: 0, position: Number(position), payload: {} };
  };
  return {
    action: { id: "action", name: "Send", definition: action, matches: () => true, matchesType: null, mapping: compileMapping("$") },
    deliveries: ids.map((id) => ({ event: event(id), payload: { id } })),
    failures: [],
  };
}

async function send(options: { keepsUserOrder: boolean; batchOf?: number; failing: string[] }, ids: string[]) {
  const { definition, action, requests } = fakeDestination(options);
  const chunks = await sendPlans(definition, {}, [planOf(action, ids)], new RequestLimiter(1, 1_000), 1_000, { allowedHosts: [] });
  const outcomes = Object.fromEntries(chunks.flatMap((c) => c.outcomes.map((o) => [o.event.messageId, o.failure?.code ?? "delivered"])));
  return { requests, outcomes };
}

describe("sending plans in user order", () => {
  it("one event a request: after a failure, holds that user's events; the others wait as before, unsent", async () => {
    const { requests, outcomes } = await send({ keepsUserOrder: true, failing: ["U:1"] }, ["U:1", "V:2", "U:3"]);
    expect(requests).toEqual([["U:1"]]);
    expect(outcomes).toEqual({ "U:1": "UPSTREAM_ERROR", "V:2": "UPSTREAM_ERROR", "U:3": HELD_FOR_ORDER });
  });

  it("holds nothing when the destination does not keep user order", async () => {
    const { requests, outcomes } = await send({ keepsUserOrder: false, batchOf: 2, failing: ["U:1"] }, ["U:1", "V:2", "U:3"]);
    expect(requests).toEqual([["U:1", "V:2"], ["U:3"]]);
    expect(outcomes).toEqual({ "U:1": "UPSTREAM_ERROR", "V:2": "delivered", "U:3": "delivered" });
  });

  it("holds a user's events in later requests after a batch where only their event failed", async () => {
    const { requests, outcomes } = await send({ keepsUserOrder: true, batchOf: 2, failing: ["U:1"] }, ["U:1", "V:2", "U:3", "W:4", "V:5"]);
    // The first request was partly delivered; the next ones go without U's events.
    expect(requests).toEqual([["U:1", "V:2"], ["W:4"], ["V:5"]]);
    expect(outcomes).toMatchObject({ "U:1": "UPSTREAM_ERROR", "V:2": "delivered", "U:3": HELD_FOR_ORDER, "W:4": "delivered", "V:5": "delivered" });
  });

  it("sends a user's events together in one request, in order (the API sees them in the log's order)", async () => {
    const { requests, outcomes } = await send({ keepsUserOrder: true, batchOf: 10, failing: ["U:1"] }, ["U:1", "V:2", "U:3"]);
    expect(requests).toEqual([["U:1", "V:2", "U:3"]]);
    expect(outcomes).toEqual({ "U:1": "UPSTREAM_ERROR", "V:2": "delivered", "U:3": "delivered" });
  });

  it("after a fully failed request, holds the failed users' events and leaves the others unsent", async () => {
    const { requests, outcomes } = await send({ keepsUserOrder: true, batchOf: 2, failing: ["U:1", "V:2"] }, ["U:1", "V:2", "U:3", "W:4"]);
    expect(requests).toEqual([["U:1", "V:2"]]);
    expect(outcomes).toEqual({ "U:1": "UPSTREAM_ERROR", "V:2": "UPSTREAM_ERROR", "U:3": HELD_FOR_ORDER, "W:4": "UPSTREAM_ERROR" });
  });
});
