import { describe, expect, it } from "vitest";
import { regionalBaseUrl, resolveBaseUrl } from "../base-url";
import { errorOf, STANDARD_ERROR_CASES } from "../testing/error-cases";
import { runAction } from "../testing/run-action";
import { sampleEvent } from "../testing/samples";
import { useLocalApi } from "../testing/use-local-api";
import { mixpanel } from "./index";
import { mixpanelInsertId } from "./insert-id";

const api = useLocalApi({ status: 200, body: { code: 200, num_records_imported: 1, status: "OK" } });

const SETTINGS = { projectToken: "3f1c9e7a2b4d6f8e0a1c3e5f7a9b1d3e", apiSecret: "9a7c5e3b1d2f4a6c8e0b2d4f6a8c0e2b" };
const run = (action: string, events: unknown[], settings: Record<string, unknown> = SETTINGS) =>
  runAction({ destination: mixpanel, action, settings, events, api });
const basic = (user: string) => `Basic ${Buffer.from(`${user}:`).toString("base64")}`;

describe("Mixpanel · regions", () => {
  it.each([
    ["US", "https://api.mixpanel.com"],
    ["EU", "https://api-eu.mixpanel.com"],
    ["IN", "https://api-in.mixpanel.com"],
  ])("%s sends to %s, unless the base URL is overridden", async (region, url) => {
    expect(regionalBaseUrl(mixpanel, region)).toBe(url);
    expect(resolveBaseUrl(mixpanel, { region })).toBe(url);
    expect(resolveBaseUrl(mixpanel, { region, baseUrl: `${api.url}/` })).toBe(api.url);

    const result = await run("trackEvent", [sampleEvent("track")], { ...SETTINGS, region });
    expect(result.outcomes).toEqual([{ status: "delivered" }]);
    expect(api.requests[0]?.path).toBe("/import?strict=1");
  });

  it("defaults to US", () => {
    expect(resolveBaseUrl(mixpanel, {})).toBe("https://api.mixpanel.com");
  });
});

describe("Mixpanel · Track Event", () => {
  it("POSTs a JSON array to /import?strict=1 with Basic auth apiSecret:", async () => {
    const result = await run("trackEvent", [sampleEvent("track")]);
    expect(result.outcomes).toEqual([{ status: "delivered" }]);
    const [request] = api.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/import?strict=1");
    expect(request?.headers["authorization"]).toBe(basic(SETTINGS.apiSecret));
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.body).toEqual([
      {
        event: "Signed Up",
        properties: {
          ip: "203.0.113.42",
          $current_url: "https://www.example.com/signup?utm_source=newsletter",
          $referrer: "https://www.google.com/",
          $browser: "Chrome",
          $os: "Mac OS X",
          $os_version: "10.15.7",
          $screen_width: 1512,
          $screen_height: 982,
          $locale: "en-GB",
          mp_lib: "Switchyard: analytics.js",
          $lib_version: "next-1.70.0",
          utm_source: "newsletter",
          utm_medium: "email",
          utm_campaign: "spring_launch",
          plan: "pro",
          trial_days: 14,
          referrer_code: "SPRING25",
          time: 1748872978131,
          distinct_id: "user-8271",
          $device_id: "0d9c5e4a-7b1f-4f0e-9a3c-2b6d8e1f4a7c",
          $user_id: "user-8271",
          $insert_id: mixpanelInsertId("ajs-next-9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d"),
        },
      },
    ]);
  });

  it("authenticates with the project token when no API secret is set", async () => {
    await run("trackEvent", [sampleEvent("track")], { projectToken: SETTINGS.projectToken });
    expect(api.requests[0]?.headers["authorization"]).toBe(basic(SETTINGS.projectToken));
  });

  it("keeps a valid $insert_id and shortens longer message ids to a stable 36-character id", () => {
    expect(mixpanelInsertId("29fc2962-6d9c-455d-95ad-95b84f09b9e4")).toBe("29fc2962-6d9c-455d-95ad-95b84f09b9e4");
    const long = mixpanelInsertId("sy-4b7e2f1a-9c3d-4e8f-a1b2-c3d4e5f6a7b8");
    expect(long).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(mixpanelInsertId("sy-4b7e2f1a-9c3d-4e8f-a1b2-c3d4e5f6a7b8")).toBe(long);
  });

  it("sends e-commerce events with their products", async () => {
    await run("trackEvent", [sampleEvent("order-completed")]);
    const [event] = api.requests[0]?.body as Array<{ event: string; properties: Record<string, unknown> }>;
    expect(event?.event).toBe("Order Completed");
    expect(event?.properties).toMatchObject({ order_id: "ORD-2025-000917", revenue: 81.78, currency: "GBP", $browser: "Mobile Safari" });
    expect(event?.properties.products).toHaveLength(2);
  });

  it("batches: 3 events → 1 request with 3 events", async () => {
    const events = [sampleEvent("track"), sampleEvent("order-completed"), { ...sampleEvent("track"), messageId: "m-3" }];
    const result = await run("trackEvent", events);
    expect(result.outcomes).toHaveLength(3);
    expect(api.requests).toHaveLength(1);
    expect((api.requests[0]?.body as unknown[]).length).toBe(3);
  });

  it("batches: 2001 events → 2000 + 1", async () => {
    const track = sampleEvent("track");
    const events = Array.from({ length: 2001 }, (_, i) => ({ ...track, messageId: `m-${i}` }));
    const result = await run("trackEvent", events);
    expect(result.outcomes.every((outcome) => outcome.status === "delivered")).toBe(true);
    expect(api.requests.map((request) => (request.body as unknown[]).length)).toEqual([2000, 1]);
  });

  it("strict=1 partial failure: failed_records become final per-event failures, the rest is delivered", async () => {
    api.reply({
      status: 400,
      body: {
        code: 400,
        error: "some data points in the request failed validation",
        status: "Bad Request",
        num_records_imported: 2,
        failed_records: [{ index: 1, insert_id: "x", field: "properties.time", message: "'properties.time' is invalid: must be specified as seconds since epoch" }],
      },
    });
    const events = [sampleEvent("track"), { ...sampleEvent("track"), messageId: "m-2" }, { ...sampleEvent("track"), messageId: "m-3" }];
    const result = await run("trackEvent", events);
    expect(result.outcomes[0]).toEqual({ status: "delivered" });
    expect(errorOf(result.outcomes[1])).toEqual({
      code: "REJECTED",
      retryable: false,
      status: 400,
      message: "Mixpanel rejected the event: 'properties.time' is invalid: must be specified as seconds since epoch",
    });
    expect(result.outcomes[2]).toEqual({ status: "delivered" });
  });

  it("masks the API secret in the recorded attempt", async () => {
    const result = await run("trackEvent", [sampleEvent("track")]);
    expect(result.attempts[0]?.request.headers["Authorization"]).toBe("Basic ••••");
    expect(JSON.stringify(result.attempts)).not.toContain(SETTINGS.apiSecret);
  });

  it.each(STANDARD_ERROR_CASES)("reads the answer: $name", async ({ reply, expected }) => {
    api.reply(reply);
    const result = await run("trackEvent", [sampleEvent("track")]);
    expect(errorOf(result.outcomes[0])).toMatchObject(expected);
  });
});

describe("Mixpanel · Track Page View / Track Screen View", () => {
  it('names page calls "Viewed <name> Page", or "Loaded a Page" without a name', async () => {
    const unnamed = { ...sampleEvent("page"), name: undefined, messageId: "m-2" };
    await run("trackPage", [sampleEvent("page"), unnamed]);
    const events = api.requests[0]?.body as Array<{ event: string; properties: Record<string, unknown> }>;
    expect(events.map((event) => event.event)).toEqual(["Viewed Pricing Page", "Loaded a Page"]);
    expect(events[0]?.properties).toMatchObject({ url: "https://www.example.com/pricing", category: "Marketing", $current_url: "https://www.example.com/pricing" });
  });

  it('names screen calls "Viewed <name> Screen" with the app and device context', async () => {
    await run("trackScreen", [sampleEvent("screen")]);
    const [event] = api.requests[0]?.body as Array<{ event: string; properties: Record<string, unknown> }>;
    expect(event?.event).toBe("Viewed Order History Screen");
    expect(event?.properties).toMatchObject({ $os: "iOS", $app_version_string: "5.12.0", $manufacturer: "Apple", $model: "iPhone15,2", $wifi_enabled: true });
  });
});

describe("Mixpanel · Identify User", () => {
  it("POSTs [{$token, $distinct_id, $ip, $set}] to /engage?verbose=1, traits as reserved properties", async () => {
    api.reply({ status: 200, body: { status: 1, error: null } });
    const result = await run("identifyUser", [sampleEvent("identify")]);
    expect(result.outcomes).toEqual([{ status: "delivered" }]);
    const [request] = api.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/engage?verbose=1");
    expect(request?.headers["authorization"]).toBeUndefined();
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.body).toEqual([
      {
        $token: SETTINGS.projectToken,
        $distinct_id: "user-8271",
        $ip: "203.0.113.42",
        $set: {
          plan: "pro",
          logins: 42,
          company: { id: "acme-42", name: "Acme Corp" },
          $email: "ada.lovelace@example.com",
          $name: "Ada Lovelace",
          $first_name: "Ada",
          $last_name: "Lovelace",
          $phone: "+44 20 7946 0958",
          $created: "2024-03-14T09:26:53.000Z",
        },
      },
    ]);
  });

  it("reads a 200 with verbose status 0 as a final refusal", async () => {
    api.reply({ status: 200, body: { status: 0, error: "$distinct_id is required" } });
    const result = await run("identifyUser", [sampleEvent("identify")]);
    expect(errorOf(result.outcomes[0])).toMatchObject({ code: "REJECTED", retryable: false, message: "Mixpanel refused the update: $distinct_id is required" });
  });

  it("batches profile updates: 3 identifies → 1 request", async () => {
    api.replyByDefault({ status: 200, body: { status: 1, error: null } });
    const identifies = ["a", "b", "c"].map((id) => ({ ...sampleEvent("identify"), userId: id }));
    await run("identifyUser", identifies);
    expect(api.requests).toHaveLength(1);
    expect((api.requests[0]?.body as Array<{ $distinct_id: string }>).map((update) => update.$distinct_id)).toEqual(["a", "b", "c"]);
  });
});

describe("Mixpanel · Group Identify", () => {
  it("POSTs [{$token, $group_key, $group_id, $set}] to /groups?verbose=1, the key from the settings", async () => {
    api.reply({ status: 200, body: { status: 1, error: null } });
    await run("groupIdentify", [sampleEvent("group")], { ...SETTINGS, groupKey: "account_id" });
    const [request] = api.requests;
    expect(request?.path).toBe("/groups?verbose=1");
    expect(request?.body).toEqual([
      {
        $token: SETTINGS.projectToken,
        $group_key: "account_id",
        $group_id: "acme-42",
        $set: { industry: "Manufacturing", employees: 420, plan: "enterprise", website: "https://acme.example.com", $name: "Acme Corp" },
      },
    ]);
  });
});

describe("Mixpanel · Alias", () => {
  it("POSTs a $create_alias event to /track?verbose=1", async () => {
    api.reply({ status: 200, body: { status: 1, error: null } });
    await run("alias", [sampleEvent("alias")]);
    const [request] = api.requests;
    expect(request?.path).toBe("/track?verbose=1");
    expect(request?.body).toEqual([
      {
        event: "$create_alias",
        properties: { distinct_id: "0d9c5e4a-7b1f-4f0e-9a3c-2b6d8e1f4a7c", alias: "user-8271", token: SETTINGS.projectToken },
      },
    ]);
  });
});
