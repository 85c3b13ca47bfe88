import { describe, expect, it } from "vitest";
import { resolveBaseUrl } from "../base-url";
import { errorOf, STANDARD_ERROR_CASES } from "../testing/error-cases";
import { itSendsToEachRegion } from "../testing/regional-delivery";
import { runAction } from "../testing/run-action";
import { sampleEvent } from "../testing/samples";
import { useLocalApi } from "../testing/use-local-api";
import { braze } from "./index";

const api = useLocalApi({ status: 201, body: { message: "success" } });

const SETTINGS = { apiKey: "9c1e7a3f-5b2d-4e8a-b6c0-d4f2a8e1c3b5" };
const run = (action: string, events: unknown[], settings: Record<string, unknown> = SETTINGS) =>
  runAction({ destination: braze, action, settings, events, api });

type TrackBody = { attributes?: Array<Record<string, unknown>>; events?: Array<Record<string, unknown>>; purchases?: Array<Record<string, unknown>> };
const bodyOf = (index = 0) => api.requests[index]?.body as TrackBody;
const expectTrackRequest = (index = 0) => {
  const request = api.requests[index];
  expect(request?.method).toBe("POST");
  expect(request?.path).toBe("/users/track");
  expect(request?.headers["authorization"]).toBe(`Bearer ${SETTINGS.apiKey}`);
  expect(request?.headers["content-type"]).toBe("application/json");
};
const tracks = (count: number) => Array.from({ length: count }, (_, i) => ({ ...sampleEvent("track"), messageId: `m-${i}`, userId: `user-${i}` }));

describe("Braze · instances", () => {
  const send = (region: string) => run("trackEvent", [sampleEvent("track")], { ...SETTINGS, region });
  itSendsToEachRegion({ destination: braze, api, send, arrivesAt: { path: "/users/track" } }, [
    ["US-01", "https://rest.iad-01.braze.com"],
    ["US-02", "https://rest.iad-02.braze.com"],
    ["US-03", "https://rest.iad-03.braze.com"],
    ["US-04", "https://rest.iad-04.braze.com"],
    ["US-05", "https://rest.iad-05.braze.com"],
    ["US-06", "https://rest.iad-06.braze.com"],
    ["US-07", "https://rest.iad-07.braze.com"],
    ["US-08", "https://rest.iad-08.braze.com"],
    ["US-10", "https://rest.us-10.braze.com"],
    ["EU-01", "https://rest.fra-01.braze.eu"],
    ["EU-02", "https://rest.fra-02.braze.eu"],
    ["AU-01", "https://rest.au-01.braze.com"],
  ]);

  it("defaults to US-01", () => {
    expect(resolveBaseUrl(braze, {})).toBe("https://rest.iad-01.braze.com");
  });
});

describe("Braze · Update User Profile", () => {
  it("POSTs {attributes: [...]} to /users/track: standard attributes and custom ones", async () => {
    const result = await run("updateUserProfile", [sampleEvent("identify")]);
    expect(result.outcomes).toEqual([{ status: "delivered" }]);
    expectTrackRequest();
    expect(api.requests[0]?.body).toEqual({
      attributes: [
        {
          name: "Ada Lovelace",
          plan: "pro",
          logins: 42,
          createdAt: "2024-03-14T09:26:53.000Z",
          company: { id: "acme-42", name: "Acme Corp" },
          external_id: "user-8271",
          email: "ada.lovelace@example.com",
          phone: "+44 20 7946 0958",
          first_name: "Ada",
          last_name: "Lovelace",
          language: "en",
          time_zone: "Europe/London",
        },
      ],
    });
  });

  it("sends a birthday as dob YYYY-MM-DD and the address as country and home city", async () => {
    const event = sampleEvent("identify");
    event.traits = { birthday: "1815-12-10T00:00:00.000Z", address: { city: "London", country: "GB" } };
    await run("updateUserProfile", [event]);
    expect(bodyOf().attributes?.[0]).toMatchObject({ dob: "1815-12-10", home_city: "London", country: "GB" });
  });

  it("skips anonymous identifies (trigger)", async () => {
    const result = await run("updateUserProfile", [{ ...sampleEvent("identify"), userId: undefined }]);
    expect(result.skipped).toEqual([{ index: 0, reason: "trigger" }]);
  });

  it.each(STANDARD_ERROR_CASES)("reads the answer: $name", async ({ reply, expected }) => {
    api.reply(reply);
    const result = await run("updateUserProfile", [sampleEvent("identify")]);
    expect(errorOf(result.outcomes[0])).toMatchObject(expected);
  });
});

describe("Braze · Track Event", () => {
  it("POSTs {events: [{external_id, name, time, properties}]}", async () => {
    await run("trackEvent", [sampleEvent("track")]);
    expectTrackRequest();
    expect(api.requests[0]?.body).toEqual({
      events: [{ external_id: "user-8271", name: "Signed Up", time: "2025-06-02T14:02:58.131Z", properties: { plan: "pro", trial_days: 14, referrer_code: "SPRING25" } }],
    });
  });

  it("adds the app identifier from the settings", async () => {
    await run("trackEvent", [sampleEvent("track")], { ...SETTINGS, appId: "b7a1c9e3-app" });
    expect(bodyOf().events?.[0]).toMatchObject({ app_id: "b7a1c9e3-app" });
  });

  it("leaves Order Completed to Track Purchase (trigger)", async () => {
    const result = await run("trackEvent", [sampleEvent("order-completed")]);
    expect(result.skipped).toEqual([{ index: 0, reason: "trigger" }]);
  });

  it("batches: 3 events → 1 request; 76 → 75 + 1", async () => {
    await run("trackEvent", tracks(3));
    expect(api.requests).toHaveLength(1);
    expect(bodyOf().events?.map((event) => event.external_id)).toEqual(["user-0", "user-1", "user-2"]);
    api.reset();
    const result = await run("trackEvent", tracks(76));
    expect(result.outcomes.every((outcome) => outcome.status === "delivered")).toBe(true);
    expect(api.requests.map((request) => (request.body as TrackBody).events?.length)).toEqual([75, 1]);
  });

  it("partial failure: objects Braze lists in errors fail for good, the others are delivered", async () => {
    api.reply({ status: 201, body: { message: "success", errors: [{ type: "'time' is not valid", input_array: "events", index: 1 }] } });
    const result = await run("trackEvent", tracks(3));
    expect(result.outcomes[0]).toEqual({ status: "delivered" });
    expect(errorOf(result.outcomes[1])).toEqual({ code: "REJECTED", retryable: false, status: 201, message: "Braze rejected the event: 'time' is not valid" });
    expect(result.outcomes[2]).toEqual({ status: "delivered" });
  });

  it("a 400 naming some objects: those fail for good, the others go again", async () => {
    api.reply({
      status: 400,
      body: { message: "Valid data must be provided in the 'attributes', 'events', or 'purchases' fields.", errors: [{ type: "'name' is required", input_array: "events", index: 0 }] },
    });
    const result = await run("trackEvent", tracks(2));
    expect(errorOf(result.outcomes[0])).toMatchObject({ code: "REJECTED", retryable: false, status: 400, message: "Braze rejected the event: 'name' is required" });
    expect(errorOf(result.outcomes[1])).toMatchObject({ code: "BATCH_INCOMPLETE", retryable: true, status: 400 });
  });

  it("masks the API key in the recorded attempt", async () => {
    const result = await run("trackEvent", [sampleEvent("track")]);
    expect(result.attempts[0]?.request.headers["Authorization"]).toBe("Bearer ••••");
    expect(JSON.stringify(result.attempts)).not.toContain(SETTINGS.apiKey);
  });

  it.each(STANDARD_ERROR_CASES)("reads the answer: $name", async ({ reply, expected }) => {
    api.reply(reply);
    const result = await run("trackEvent", [sampleEvent("track")]);
    expect(errorOf(result.outcomes[0])).toMatchObject(expected);
  });
});

describe("Braze · Track Purchase", () => {
  it("POSTs one purchase per product: product_id, currency, price, quantity, time", async () => {
    const result = await run("trackPurchase", [sampleEvent("order-completed")]);
    expect(result.outcomes).toEqual([{ status: "delivered" }]);
    expectTrackRequest();
    expect(api.requests[0]?.body).toEqual({
      purchases: [
        {
          external_id: "user-8271",
          product_id: "507f1f77bcf86cd799439011",
          currency: "GBP",
          price: 24.99,
          quantity: 2,
          time: "2025-06-02T14:09:31.801Z",
          properties: { order_id: "ORD-2025-000917", sku: "TEE-NAVY-M", name: "Logo T-Shirt", category: "Apparel", brand: "Example", variant: "Navy / M" },
        },
        {
          external_id: "user-8271",
          product_id: "505bd76785ebb509fc183733",
          currency: "GBP",
          price: 39.99,
          quantity: 1,
          time: "2025-06-02T14:09:31.801Z",
          properties: { order_id: "ORD-2025-000917", sku: "MUG-WHT", name: "Enamel Mug", category: "Home", brand: "Example" },
        },
      ],
    });
  });

  it("packs the purchases of several orders 75 to a request and fails an order when one of its products fails", async () => {
    const order = sampleEvent("order-completed");
    const products = Array.from({ length: 40 }, (_, i) => ({ product_id: `p-${i}`, price: 1, quantity: 1 }));
    const orders = [0, 1].map((i) => ({ ...order, messageId: `o-${i}`, properties: { currency: "GBP", products } }));
    api.reply({ status: 201, body: { message: "success", errors: [{ type: "'price' is not valid", input_array: "purchases", index: 45 }] } });
    const result = await run("trackPurchase", orders);
    expect(api.requests.map((request) => (request.body as TrackBody).purchases?.length)).toEqual([75, 5]);
    expect(result.outcomes[0]).toEqual({ status: "delivered" });
    expect(errorOf(result.outcomes[1])).toMatchObject({ code: "REJECTED", message: "Braze rejected the purchase: 'price' is not valid" });
  });

  it("stops after a retryable failure: the orders' other purchases are not sent, and all go again", async () => {
    const order = sampleEvent("order-completed");
    const products = Array.from({ length: 40 }, (_, i) => ({ product_id: `p-${i}`, price: 1 }));
    const orders = [0, 1].map((i) => ({ ...order, messageId: `o-${i}`, properties: { currency: "GBP", products } }));
    api.reply({ status: 429, headers: { "Retry-After": "3" }, body: { message: "Rate limit exceeded" } });
    const result = await run("trackPurchase", orders);
    expect(api.requests).toHaveLength(1);
    expect(result.outcomes.map((outcome) => errorOf(outcome))).toEqual([
      expect.objectContaining({ code: "RATE_LIMITED", retryable: true, retryAfterMs: 3000 }),
      expect.objectContaining({ code: "RATE_LIMITED", retryable: true, retryAfterMs: 3000 }),
    ]);
  });

  it("refuses, before sending, a product without a price", async () => {
    const order = sampleEvent("order-completed");
    const result = await run("trackPurchase", [{ ...order, properties: { currency: "GBP", products: [{ product_id: "p-1" }] } }]);
    expect(result.invalid[0]?.message).toContain("price");
    expect(api.requests).toHaveLength(0);
  });

  it.each(STANDARD_ERROR_CASES)("reads the answer: $name", async ({ reply, expected }) => {
    api.reply(reply);
    const result = await run("trackPurchase", [sampleEvent("order-completed")]);
    expect(errorOf(result.outcomes[0])).toMatchObject(expected);
  });
});
