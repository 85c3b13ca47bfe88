import { describe, expect, it } from "vitest";
import { z } from "zod";
import { deliverPayloads } from "./deliver";
import { retryableError } from "./errors";
import { createHttpClient } from "./http-client";
import { DELIVERED } from "./outcomes";
import type { ActionContext, ActionDefinition, DeliveryOutcome } from "./types";

type Payload = { n: number };

function action(overrides: Partial<ActionDefinition<unknown, Payload>>): ActionDefinition<unknown, Payload> {
  return {
    key: "test",
    title: "Test Action",
    description: "",
    fields: z.object({ n: z.number() }),
    defaultTrigger: "all",
    defaultMappingFile: "mappings/test.jsonata",
    perform: async () => DELIVERED,
    ...overrides,
  };
}

const ctx: ActionContext<unknown> = { settings: {}, baseUrl: "", http: createHttpClient({ secrets: ["s3cr3t-value"] }) };
const payloads = (count: number): Payload[] => Array.from({ length: count }, (_, n) => ({ n }));
const codes = (outcomes: DeliveryOutcome[]) => outcomes.map((outcome) => (outcome.status === "delivered" ? "delivered" : outcome.error.code));

describe("deliverPayloads", () => {
  it("calls perform once a payload, in order, without batch support", async () => {
    const seen: number[] = [];
    const outcomes = await deliverPayloads(action({ perform: async (_ctx, payload) => (seen.push(payload.n), DELIVERED) }), ctx, payloads(3));
    expect(seen).toEqual([0, 1, 2]);
    expect(codes(outcomes)).toEqual(["delivered", "delivered", "delivered"]);
  });

  it("calls performBatch within the limits, batch after batch", async () => {
    const batches: number[][] = [];
    const batching = action({
      batch: { maxEvents: 2 },
      performBatch: async (_ctx, items) => (batches.push(items.map((item) => item.n)), items.map(() => DELIVERED)),
    });
    const outcomes = await deliverPayloads(batching, ctx, payloads(5));
    expect(batches).toEqual([[0, 1], [2, 3], [4]]);
    expect(outcomes).toHaveLength(5);
  });

  it("fails a payload bigger than the batch byte limit without sending it", async () => {
    const outcomes = await deliverPayloads(
      action({ batch: { maxEvents: 10, maxBytes: 10 }, performBatch: async (_ctx, items) => items.map(() => DELIVERED) }),
      ctx,
      [{ n: 1 }, { n: 123456789012 }],
    );
    expect(codes(outcomes)).toEqual(["delivered", "PAYLOAD_INVALID"]);
  });

  it("turns a thrown DeliveryError into that outcome for each payload of the call", async () => {
    const outcomes = await deliverPayloads(
      action({ batch: { maxEvents: 10 }, performBatch: async () => Promise.reject(retryableError("NETWORK_ERROR", "gone")) }),
      ctx,
      payloads(2),
    );
    expect(codes(outcomes)).toEqual(["NETWORK_ERROR", "NETWORK_ERROR"]);
  });

  it("turns any other throw into a final INTERNAL_ERROR", async () => {
    const [outcome] = await deliverPayloads(action({ perform: async () => Promise.reject(new TypeError("x is undefined")) }), ctx, payloads(1));
    expect(outcome).toMatchObject({ status: "failed", error: { code: "INTERNAL_ERROR", retryable: false, message: "Test Action failed: x is undefined" } });
  });

  it("refuses a batch answer with the wrong number of outcomes", async () => {
    const outcomes = await deliverPayloads(action({ batch: { maxEvents: 10 }, performBatch: async () => [DELIVERED] }), ctx, payloads(3));
    expect(codes(outcomes)).toEqual(["INTERNAL_ERROR", "INTERNAL_ERROR", "INTERNAL_ERROR"]);
  });

  it("masks secrets in every message, whoever wrote it", async () => {
    const [outcome] = await deliverPayloads(action({ perform: async () => Promise.reject(new Error("bad key s3cr3t-value")) }), ctx, payloads(1));
    expect(outcome?.status === "failed" && outcome.error.message).toBe("Test Action failed: bad key ••••alue");
  });
});
