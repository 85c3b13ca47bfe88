import { describe, expect, it } from "vitest";
import { z } from "zod";
import { PayloadValidationError } from "./errors";
import { requireValidPayload, validatePayload } from "./validate-payload";

const mixpanelTrack = z.object({
  event: z.string().min(1),
  properties: z.object({
    distinct_id: z.string(),
    time: z.number(),
    $insert_id: z.string().max(36).optional(),
    email: z.email().optional(),
    plan: z.enum(["free", "pro"]).optional(),
    quantity: z.int().min(1).optional(),
    tags: z.array(z.string()).min(1).optional(),
    products: z.array(z.object({ price: z.number().nonnegative() })).optional(),
    channel: z.string({ error: "Pick the Slack channel to post to" }).optional(),
  }),
});

const valid = { event: "Order Completed", properties: { distinct_id: "user-42", time: 1714564800000 } };

const invalidCases: ReadonlyArray<{ name: string; payload: unknown; issues: ReadonlyArray<{ path: string; message: string }> }> = [
  { name: "a missing required field", payload: { event: "x", properties: { time: 1 } }, issues: [{ path: "properties.distinct_id", message: "distinct_id is required" }] },
  { name: "a wrong type", payload: { event: "x", properties: { distinct_id: "u", time: "2024-05-01" } }, issues: [{ path: "properties.time", message: "time must be a number, got string" }] },
  { name: "null for an object", payload: { event: "x", properties: null }, issues: [{ path: "properties", message: "properties must be an object, got null" }] },
  { name: "an empty string", payload: { ...valid, event: "" }, issues: [{ path: "event", message: "event must not be empty" }] },
  { name: "a string too long", payload: { ...valid, properties: { ...valid.properties, $insert_id: "x".repeat(40) } }, issues: [{ path: "properties.$insert_id", message: "$insert_id must be at most 36 characters long" }] },
  { name: "a bad email", payload: { ...valid, properties: { ...valid.properties, email: "nope" } }, issues: [{ path: "properties.email", message: "email must be a valid email address" }] },
  { name: "a value outside an enum", payload: { ...valid, properties: { ...valid.properties, plan: "gold" } }, issues: [{ path: "properties.plan", message: 'plan must be one of "free", "pro"' }] },
  { name: "a fraction for an integer", payload: { ...valid, properties: { ...valid.properties, quantity: 1.5 } }, issues: [{ path: "properties.quantity", message: "quantity must be a whole number, got 1.5" }] },
  { name: "a number below its minimum", payload: { ...valid, properties: { ...valid.properties, quantity: 0 } }, issues: [{ path: "properties.quantity", message: "quantity must be at least 1" }] },
  { name: "an empty list", payload: { ...valid, properties: { ...valid.properties, tags: [] } }, issues: [{ path: "properties.tags", message: "tags must have at least one item" }] },
  { name: "a list item of the wrong type", payload: { ...valid, properties: { ...valid.properties, tags: ["a", 2] } }, issues: [{ path: "properties.tags[1]", message: "tags item 2 must be text, got number" }] },
  { name: "a field inside a list item", payload: { ...valid, properties: { ...valid.properties, products: [{ price: 1 }, { price: -1 }] } }, issues: [{ path: "properties.products[1].price", message: "price must be at least 0" }] },
  { name: "the schema author's own message", payload: { ...valid, properties: { ...valid.properties, channel: 5 } }, issues: [{ path: "properties.channel", message: "Pick the Slack channel to post to" }] },
  { name: "no payload at all", payload: undefined, issues: [{ path: "", message: "The mapping produced no payload for this event" }] },
  { name: "a list instead of the payload", payload: [valid], issues: [{ path: "", message: "The payload must be an object, got a list" }] },
  {
    name: "several problems at once",
    payload: { properties: { distinct_id: 7 } },
    issues: [
      { path: "event", message: "event is required" },
      { path: "properties.distinct_id", message: "distinct_id must be text, got number" },
      { path: "properties.time", message: "time is required" },
    ],
  },
];

describe("validatePayload", () => {
  it("accepts a valid payload and returns zod's output", () => {
    expect(validatePayload(valid, mixpanelTrack)).toEqual({ ok: true, payload: valid });
    expect(validatePayload({ a: 1 }, z.object({ a: z.number(), b: z.string().default("x") }))).toEqual({ ok: true, payload: { a: 1, b: "x" } });
  });

  it.each(invalidCases)("names the field for $name", ({ payload, issues }) => {
    const result = validatePayload(payload, mixpanelTrack);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.map(({ path, message }) => ({ path, message }))).toEqual(issues);
  });

  it("reports unknown fields of a strict schema", () => {
    const result = validatePayload({ a: 1, b: 2, c: 3 }, z.strictObject({ a: z.number() }));
    expect(result).toEqual({ ok: false, issues: [{ path: "", message: "The payload has fields this action does not accept: b, c", code: "unrecognized_keys" }] });
  });

  it("quotes field names that are not plain identifiers", () => {
    const result = validatePayload({ "first name": 1 }, z.object({ "first name": z.string() }));
    expect(result.ok ? undefined : result.issues[0]).toEqual({ path: "`first name`", message: "first name must be text, got number", code: "invalid_type" });
  });
});

describe("requireValidPayload", () => {
  it("returns the payload or throws PayloadValidationError with the issues", () => {
    expect(requireValidPayload(valid, mixpanelTrack)).toEqual(valid);
    try {
      requireValidPayload({ event: "x", properties: { time: 1 } }, mixpanelTrack);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PayloadValidationError);
      expect(error).toMatchObject({
        code: "PAYLOAD_INVALID",
        retryable: false,
        issues: [{ path: "properties.distinct_id", message: "distinct_id is required", code: "invalid_type" }],
        message: "The payload does not fit this action's fields: distinct_id is required.",
      });
    }
  });
});
