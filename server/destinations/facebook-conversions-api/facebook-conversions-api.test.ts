import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { regionalBaseUrl, resolveBaseUrl } from "../base-url";
import { errorOf, STANDARD_ERROR_CASES } from "../testing/error-cases";
import { runAction } from "../testing/run-action";
import { sampleEvent } from "../testing/samples";
import type { SampleName } from "../testing/samples";
import { useLocalApi } from "../testing/use-local-api";
import { facebookConversionsApi } from "./index";
import { hashUserData } from "./user-data";

const api = useLocalApi({ status: 200, body: { events_received: 1, messages: [], fbtrace_id: "AbCdEf123" } });

const SETTINGS = { pixelId: "1234567890123456", accessToken: "EAAGm0PX4ZCpsBAKZCvT9Zx7QeZC0ZBw" };
const run = (action: string, events: unknown[], settings: Record<string, unknown> = SETTINGS) =>
  runAction({ destination: facebookConversionsApi, action, settings, events, api });
const sha = (value: string) => createHash("sha256").update(value).digest("hex");

/** Meta takes events up to 7 days old, so the samples are sent as if they just happened. */
const NOW = Date.now() - 60_000;
const recent = (name: SampleName, extra: Record<string, unknown> = {}) => ({ ...sampleEvent(name), timestamp: new Date(NOW).toISOString(), ...extra });
const EVENT_TIME = Math.floor(NOW / 1000);

type Body = { data: Array<Record<string, unknown> & { user_data: Record<string, unknown>; custom_data?: Record<string, unknown> }>; test_event_code?: string };
const bodyOf = (index = 0) => api.requests[index]?.body as Body;
const graphError = (code: number, message: string, extra: Record<string, unknown> = {}) => ({ error: { message, type: "OAuthException", code, fbtrace_id: "AbC", ...extra } });

describe("Facebook Conversions API · host", () => {
  it("sends to https://graph.facebook.com, unless the base URL is overridden", async () => {
    expect(regionalBaseUrl(facebookConversionsApi, "Global")).toBe("https://graph.facebook.com");
    expect(resolveBaseUrl(facebookConversionsApi, {})).toBe("https://graph.facebook.com");
    const result = await run("trackEvent", [recent("track")]);
    expect(result.outcomes).toEqual([{ status: "delivered" }]);
    expect(api.requests[0]?.pathname).toBe("/v24.0/1234567890123456/events");
  });
});

describe("Facebook Conversions API · Send Event", () => {
  it("POSTs {data: [event]} to /v24.0/<pixel>/events?access_token=…, contact details hashed", async () => {
    const result = await run("trackEvent", [recent("track")]);
    expect(result.outcomes).toEqual([{ status: "delivered" }]);
    const [request] = api.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe(`/v24.0/1234567890123456/events?access_token=${SETTINGS.accessToken}`);
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.body).toEqual({
      data: [
        {
          event_name: "CompleteRegistration",
          event_time: EVENT_TIME,
          action_source: "website",
          event_id: "ajs-next-9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d",
          event_source_url: "https://www.example.com/signup?utm_source=newsletter",
          user_data: {
            em: [sha("ada.lovelace@example.com")],
            external_id: [sha("user-8271")],
            client_ip_address: "203.0.113.42",
            client_user_agent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
          },
          custom_data: { plan: "pro", trial_days: 14, referrer_code: "SPRING25" },
        },
      ],
    });
  });

  it("sends Order Completed as Purchase with currency, value, content_ids, contents and num_items", async () => {
    await run("trackEvent", [recent("order-completed")]);
    const [event] = bodyOf().data;
    expect(event?.event_name).toBe("Purchase");
    expect(event?.custom_data).toMatchObject({
      currency: "GBP",
      value: 81.78,
      order_id: "ORD-2025-000917",
      content_type: "product",
      content_ids: ["507f1f77bcf86cd799439011", "505bd76785ebb509fc183733"],
      contents: [
        { id: "507f1f77bcf86cd799439011", quantity: 2, item_price: 24.99 },
        { id: "505bd76785ebb509fc183733", quantity: 1, item_price: 39.99 },
      ],
      num_items: 3,
    });
  });

  it.each([
    ["Product Added", "AddToCart"],
    ["Checkout Started", "InitiateCheckout"],
    ["Product Viewed", "ViewContent"],
    ["Products Searched", "Search"],
    ["Signed Up", "CompleteRegistration"],
    ["Video Played", "Video Played"],
  ])("names %s as %s", async (event, name) => {
    await run("trackEvent", [recent("track", { event })]);
    expect(bodyOf().data[0]?.event_name).toBe(name);
  });

  it("normalises and hashes as Meta documents; IP, user agent, fbc and fbp stay clear; digests pass through", () => {
    const digest = sha("someone@example.com");
    expect(
      hashUserData({
        email: "  Person@Example.com ",
        phone: "+44 844 412 4653",
        external_id: " user-8271 ",
        first_name: " Ada ",
        last_name: "LOVELACE",
        gender: "Female",
        date_of_birth: "1815-12-10",
        city: "New York",
        state: "NY",
        zip: "SW1A 1AA",
        country: "GB",
        client_ip_address: "203.0.113.42",
        client_user_agent: "UA",
        fbc: "fb.1.1554763741205.AbCdEfGhIjKlMnOpQrStUvWxYz1234567890",
        fbp: "fb.1.1558571054389.1098115397",
      }),
    ).toEqual({
      em: ["542d240129883c019e106e3b1b2d3f3cb3537c43c425364de8e951d5a3083345"],
      ph: ["dc008fda46e2e64002cf2f82a4906236282d431c4f75e5b60bfe79fc48546383"],
      external_id: [sha("user-8271")],
      fn: [sha("ada")],
      ln: [sha("lovelace")],
      ge: [sha("f")],
      db: [sha("18151210")],
      ct: [sha("newyork")],
      st: [sha("ny")],
      zp: [sha("sw1a1aa")],
      country: [sha("gb")],
      client_ip_address: "203.0.113.42",
      client_user_agent: "UA",
      fbc: "fb.1.1554763741205.AbCdEfGhIjKlMnOpQrStUvWxYz1234567890",
      fbp: "fb.1.1558571054389.1098115397",
    });
    expect(hashUserData({ email: digest.toUpperCase(), phone: "00 44 20 7946 0958" })).toEqual({ em: [digest], ph: [sha("442079460958")] });
  });

  it("sends test_event_code and another Graph API version when set", async () => {
    await run("trackEvent", [recent("track")], { ...SETTINGS, testEventCode: "TEST12345", apiVersion: "v25.0" });
    expect(api.requests[0]?.pathname).toBe("/v25.0/1234567890123456/events");
    expect(bodyOf().test_event_code).toBe("TEST12345");
  });

  it("refuses, before sending, website events without a user agent", async () => {
    const result = await run("trackEvent", [recent("track", { context: { page: { url: "https://www.example.com/" } } })]);
    expect(result.invalid[0]?.message).toContain("website events need event_source_url and user_data.client_user_agent");
    expect(api.requests).toHaveLength(0);
  });

  it("fails events older than 7 days without sending them, and sends the rest", async () => {
    const stale = { ...recent("track"), messageId: "stale", timestamp: new Date(Date.now() - 8 * 86_400_000).toISOString() };
    const result = await run("trackEvent", [stale, recent("track")]);
    expect(errorOf(result.outcomes[0])).toEqual({ code: "REJECTED", retryable: false, message: "Meta takes events up to 7 days old; this one is older" });
    expect(result.outcomes[1]).toEqual({ status: "delivered" });
    expect(bodyOf().data).toHaveLength(1);
  });

  it("batches: 3 events → 1 request; 1001 → 1000 + 1", async () => {
    await run("trackEvent", [recent("track"), recent("order-completed"), recent("track", { messageId: "m-3" })]);
    expect(bodyOf().data).toHaveLength(3);
    api.reset();
    const events = Array.from({ length: 1001 }, (_, i) => recent("track", { messageId: `m-${i}` }));
    await run("trackEvent", events);
    expect(api.requests.map((request) => (request.body as Body).data.length)).toEqual([1000, 1]);
  });

  it("a refused batch is split until the event at fault is found; the others are delivered", async () => {
    const bad = graphError(100, "Invalid parameter", { error_subcode: 2804008, error_user_title: "Invalid value", error_user_msg: "The value for currency is invalid" });
    api.replyByDefault({ status: 200, body: { events_received: 1 } });
    api.reply({ status: 400, body: bad }, { status: 400, body: bad }, { status: 400, body: bad }, { status: 200, body: {} }, { status: 200, body: {} });
    const events = ["a", "b", "c", "d"].map((id) => recent("track", { messageId: id }));
    const result = await run("trackEvent", events);
    expect(api.requests.map((request) => (request.body as Body).data.map((event) => event.event_id).join(""))).toEqual(["abcd", "ab", "a", "b", "cd"]);
    expect(errorOf(result.outcomes[0])).toMatchObject({ code: "REJECTED", retryable: false, status: 400, message: "The destination rejected the request (HTTP 400): Invalid value: The value for currency is invalid" });
    expect(result.outcomes.slice(1)).toEqual([{ status: "delivered" }, { status: "delivered" }, { status: "delivered" }]);
  });

  it("a fault of the request itself (both halves refused alike) fails all without splitting further", async () => {
    api.replyByDefault({ status: 400, body: graphError(100, "Unsupported post request. Object with ID '1234567890123456' does not exist", { error_subcode: 33 }) });
    const events = Array.from({ length: 8 }, (_, i) => recent("track", { messageId: `m-${i}` }));
    const result = await run("trackEvent", events);
    expect(result.outcomes.every((outcome) => outcome.status === "failed" && !outcome.error.retryable)).toBe(true);
    expect(api.requests.map((request) => (request.body as Body).data.length)).toEqual([8, 4, 2, 1, 1, 2, 4]);
  });

  it("reads Graph API errors: a bad token is a credentials problem, throttling and transient faults go again", async () => {
    api.reply({ status: 400, body: graphError(190, "Error validating access token: Session has expired") });
    expect(errorOf((await run("trackEvent", [recent("track")])).outcomes[0])).toMatchObject({ code: "INVALID_CREDENTIALS", retryable: false, status: 400 });
    api.reply({ status: 400, body: graphError(17, "User request limit reached") });
    expect(errorOf((await run("trackEvent", [recent("track")])).outcomes[0])).toMatchObject({ code: "RATE_LIMITED", retryable: true });
    api.reply({ status: 500, body: graphError(2, "An unexpected error has occurred. Please retry your request later.", { is_transient: true }) });
    expect(errorOf((await run("trackEvent", [recent("track")])).outcomes[0])).toMatchObject({ code: "UPSTREAM_ERROR", retryable: true, status: 500 });
  });

  it("masks the access token in the recorded URL", async () => {
    const result = await run("trackEvent", [recent("track")]);
    expect(JSON.stringify(result.attempts)).not.toContain(SETTINGS.accessToken);
  });

  it.each(STANDARD_ERROR_CASES)("reads the answer: $name", async ({ reply, expected }) => {
    api.reply(reply);
    const result = await run("trackEvent", [recent("track")]);
    expect(errorOf(result.outcomes[0])).toMatchObject(expected);
  });
});

describe("Facebook Conversions API · Send Page View", () => {
  it("sends page calls as PageView from the website", async () => {
    await run("trackPage", [recent("page")]);
    expect(bodyOf().data).toEqual([
      {
        event_name: "PageView",
        event_time: EVENT_TIME,
        action_source: "website",
        event_id: "ajs-next-1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e",
        event_source_url: "https://www.example.com/pricing",
        user_data: {
          external_id: [sha("user-8271")],
          client_ip_address: "203.0.113.42",
          client_user_agent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
        },
      },
    ]);
  });
});
