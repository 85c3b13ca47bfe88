import { describe, expect, it } from "vitest";
import { resolveBaseUrl } from "../base-url";
import { errorOf, STANDARD_ERROR_CASES } from "../testing/error-cases";
import { itSendsToEachRegion } from "../testing/regional-delivery";
import { runAction } from "../testing/run-action";
import { runTestConnection } from "../testing/run-test-connection";
import { sampleEvent } from "../testing/samples";
import { useLocalApi } from "../testing/use-local-api";
import { ga4Params } from "./event-params";
import { googleAnalytics4 } from "./index";

const api = useLocalApi({ status: 204, body: "" });

const SETTINGS = { measurementId: "G-1A2B3C4D5E", apiSecret: "kX9vQ2mR7tLw4pZs8nB3cD" };
const QUERY = `measurement_id=${SETTINGS.measurementId}&api_secret=${SETTINGS.apiSecret}`;
const run = (action: string, events: unknown[], settings: Record<string, unknown> = SETTINGS) =>
  runAction({ destination: googleAnalytics4, action, settings, events, api });

type Body = { client_id: string; user_id?: string; events: Array<{ name: string; params?: Record<string, unknown>; timestamp_micros?: number }> };
const bodyOf = (index = 0) => api.requests[index]?.body as Body;
const ANON = "0d9c5e4a-7b1f-4f0e-9a3c-2b6d8e1f4a7c";
const named = (event: string, extra: Record<string, unknown> = {}) => ({ ...sampleEvent("track"), event, ...extra });

describe("Google Analytics 4 · regions", () => {
  const send = (region: string) => run("trackEvent", [sampleEvent("track")], { ...SETTINGS, region });
  itSendsToEachRegion({ destination: googleAnalytics4, api, send, arrivesAt: { pathname: "/mp/collect" } }, [
    ["Global", "https://www.google-analytics.com"],
    ["EU", "https://region1.google-analytics.com"],
  ]);

  it("defaults to the global host", () => {
    expect(resolveBaseUrl(googleAnalytics4, {})).toBe("https://www.google-analytics.com");
  });
});

describe("Google Analytics 4 · Track Event", () => {
  it("POSTs {client_id, user_id, events} to /mp/collect with measurement_id and api_secret in the query", async () => {
    const result = await run("trackEvent", [sampleEvent("track")]);
    expect(result.outcomes).toEqual([{ status: "delivered" }]);
    const [request] = api.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe(`/mp/collect?${QUERY}`);
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.headers["authorization"]).toBeUndefined();
    expect(request?.body).toEqual({
      client_id: ANON,
      user_id: "user-8271",
      events: [{ name: "sign_up", timestamp_micros: 1748872978131000, params: { plan: "pro", trial_days: 14, referrer_code: "SPRING25" } }],
    });
  });

  it("sends Order Completed as purchase with transaction_id, value, currency and items", async () => {
    await run("trackEvent", [sampleEvent("order-completed")]);
    expect(bodyOf().events).toEqual([
      {
        name: "purchase",
        timestamp_micros: 1748873371801000,
        params: {
          checkout_id: "chk_71c9e2",
          affiliation: "Example Online Store",
          subtotal: 89.97,
          shipping: 4.99,
          tax: 7.2,
          discount: 5,
          coupon: "SPRING25",
          currency: "GBP",
          value: 81.78,
          transaction_id: "ORD-2025-000917",
          items: [
            { item_id: "507f1f77bcf86cd799439011", item_name: "Logo T-Shirt", item_brand: "Example", item_category: "Apparel", item_variant: "Navy / M", index: 1, price: 24.99, quantity: 2 },
            { item_id: "505bd76785ebb509fc183733", item_name: "Enamel Mug", item_brand: "Example", item_category: "Home", index: 2, price: 39.99, quantity: 1 },
          ],
        },
      },
    ]);
  });

  it.each([
    ["Product Viewed", "view_item"],
    ["Product Added", "add_to_cart"],
    ["Checkout Started", "begin_checkout"],
    ["Order Completed", "purchase"],
    ["Products Searched", "search"],
    ["Video Played (HD)", "video_played_hd"],
    ["3D Model Rotated", "event_3d_model_rotated"],
    ["A very long event name that goes on and on past forty", "a_very_long_event_name_that_goes_on_and_"],
  ])("names %s as %s", async (event, name) => {
    await run("trackEvent", [named(event)]);
    expect(bodyOf().events[0]?.name).toBe(name);
  });

  it("sends one product's event with its item and value, and a search with search_term", async () => {
    await run("trackEvent", [named("Product Added", { properties: { product_id: "p-1", name: "Mug", price: 10, quantity: 3, currency: "EUR" } })]);
    expect(bodyOf().events[0]?.params).toMatchObject({ currency: "EUR", value: 30, items: [{ item_id: "p-1", item_name: "Mug", price: 10, quantity: 3 }] });
    api.reset();
    await run("trackEvent", [named("Products Searched", { properties: { query: "blue mug" } })]);
    expect(bodyOf().events[0]).toMatchObject({ name: "search", params: { search_term: "blue mug" } });
  });

  it("refuses, before sending, event names GA4 reserves", async () => {
    const reserved = await runAction({
      destination: googleAnalytics4,
      action: "trackEvent",
      settings: SETTINGS,
      events: [sampleEvent("track")],
      api,
      mapping: '{"client_id": anonymousId, "events": [{"name": "session_start"}]}',
    });
    expect(reserved.invalid[0]?.message).toContain("is reserved by GA4");
  });

  it("keeps params GA4 takes: flat values (text cut at 100), items; 25 at most", () => {
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`p${i}`, i]));
    expect(Object.keys(ga4Params(many))).toHaveLength(25);
    expect(ga4Params({ long: "x".repeat(150), nested: { a: 1 }, list: [1], flag: true, items: [{ item_id: "a", extra: { b: 1 } }, "junk"] })).toEqual({
      long: "x".repeat(100),
      flag: "true",
      items: [{ item_id: "a" }],
    });
  });

  it("batches only events of the same client_id and user_id in one request, 25 at most", async () => {
    const track = sampleEvent("track");
    const events = [
      ...Array.from({ length: 30 }, (_, i) => ({ ...track, messageId: `a-${i}` })),
      { ...track, messageId: "b-0", anonymousId: "other-browser" },
      { ...track, messageId: "c-0", userId: "user-9999" },
    ];
    const result = await run("trackEvent", events);
    expect(result.outcomes.every((outcome) => outcome.status === "delivered")).toBe(true);
    expect(api.requests.map((request) => {
      const body = request.body as Body;
      return [body.client_id, body.user_id, body.events.length];
    })).toEqual([
      [ANON, "user-8271", 25],
      [ANON, "user-8271", 5],
      ["other-browser", "user-8271", 1],
      [ANON, "user-9999", 1],
    ]);
  });

  it("keeps each request under 130 kB", async () => {
    const track = sampleEvent("track");
    const padding = Object.fromEntries(Array.from({ length: 24 }, (_, i) => [`p${i}`, "y".repeat(100)]));
    const events = Array.from({ length: 100 }, (_, i) => ({ ...track, messageId: `m-${i}`, properties: padding }));
    await run("trackEvent", events);
    expect(api.requests.length).toBeGreaterThan(4);
    for (const request of api.requests) expect(Buffer.byteLength(request.rawBody)).toBeLessThan(130_000);
  });

  it("masks the API secret in the recorded URL", async () => {
    const result = await run("trackEvent", [sampleEvent("track")]);
    expect(result.attempts[0]?.request.url).not.toContain(SETTINGS.apiSecret);
    expect(result.attempts[0]?.request.url).toContain("measurement_id=G-1A2B3C4D5E");
  });

  it.each(STANDARD_ERROR_CASES)("reads the answer: $name", async ({ reply, expected }) => {
    api.reply(reply);
    const result = await run("trackEvent", [sampleEvent("track")]);
    expect(errorOf(result.outcomes[0])).toMatchObject(expected);
  });
});

describe("Google Analytics 4 · validation mode", () => {
  const VALIDATE = { ...SETTINGS, validationMode: true };

  it("sends to /debug/mp/collect and delivers what the validation server accepts", async () => {
    api.reply({ status: 200, body: { validationMessages: [] } });
    const result = await run("trackEvent", [sampleEvent("track")], VALIDATE);
    expect(result.outcomes).toEqual([{ status: "delivered" }]);
    expect(api.requests[0]?.path).toBe(`/debug/mp/collect?${QUERY}`);
  });

  it("fails, for good, the events its validation messages name", async () => {
    api.reply({
      status: 200,
      body: {
        validationMessages: [
          { fieldPath: "events", description: "Event at index: [1] has invalid param [items] value.", validationCode: "VALUE_INVALID" },
        ],
      },
    });
    const events = [sampleEvent("track"), sampleEvent("order-completed"), { ...sampleEvent("track"), messageId: "m-3" }];
    const result = await run("trackEvent", events, VALIDATE);
    expect(result.outcomes[0]).toEqual({ status: "delivered" });
    expect(errorOf(result.outcomes[1])).toEqual({ code: "REJECTED", retryable: false, status: 200, message: "GA4 would drop the event: Event at index: [1] has invalid param [items] value." });
    expect(result.outcomes[2]).toEqual({ status: "delivered" });
  });

  it("fails every event of the request for a message that names none", async () => {
    api.reply({ status: 200, body: { validationMessages: [{ fieldPath: "client_id", description: "Measurement must have a client_id.", validationCode: "VALUE_REQUIRED" }] } });
    const result = await run("trackEvent", [sampleEvent("track"), { ...sampleEvent("track"), messageId: "m-2" }], VALIDATE);
    expect(result.outcomes.map((outcome) => errorOf(outcome).message)).toEqual(Array(2).fill("GA4 would drop the event: Measurement must have a client_id."));
  });
});

describe("Google Analytics 4 · Track Page View", () => {
  it("sends page calls as page_view with page_location, page_title and page_referrer", async () => {
    await run("trackPage", [sampleEvent("page")]);
    expect(api.requests[0]?.path).toBe(`/mp/collect?${QUERY}`);
    expect(api.requests[0]?.body).toEqual({
      client_id: ANON,
      user_id: "user-8271",
      events: [
        {
          name: "page_view",
          timestamp_micros: 1748872900030000,
          params: {
            page_location: "https://www.example.com/pricing",
            page_title: "Pricing — Example",
            page_referrer: "https://www.example.com/",
            page_path: "/pricing",
            page_name: "Pricing",
            page_category: "Marketing",
          },
        },
      ],
    });
  });
});

describe("Google Analytics 4 · connection test", () => {
  it("asks the validation server about a made-up event", async () => {
    api.reply({ status: 200, body: { validationMessages: [] } });
    const { outcome } = await runTestConnection(googleAnalytics4, SETTINGS, api);
    expect(outcome).toEqual({ status: "delivered" });
    expect(api.requests[0]).toMatchObject({ method: "POST", path: `/debug/mp/collect?${QUERY}` });
    expect(api.requests[0]?.body).toEqual({ client_id: "switchyard.connection-test", events: [{ name: "switchyard_connection_test", params: {} }] });
  });

  it("reports what the validation server refused", async () => {
    api.reply({ status: 200, body: { validationMessages: [{ fieldPath: "measurement_id", description: "Unable to find a stream with the measurement ID.", validationCode: "VALUE_INVALID" }] } });
    const { outcome } = await runTestConnection(googleAnalytics4, SETTINGS, api);
    expect(errorOf(outcome)).toMatchObject({ code: "SETTINGS_INVALID", message: "GA4's validation server refused the test event: Unable to find a stream with the measurement ID." });
  });
});
