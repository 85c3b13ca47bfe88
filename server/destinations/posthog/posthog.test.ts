import { describe, expect, it } from "vitest";
import { resolveBaseUrl } from "../base-url";
import { errorOf, STANDARD_ERROR_CASES } from "../testing/error-cases";
import { itSendsToEachRegion } from "../testing/regional-delivery";
import { runAction } from "../testing/run-action";
import { sampleEvent } from "../testing/samples";
import { useLocalApi } from "../testing/use-local-api";
import { messageUuid } from "../message-uuid";
import { posthog } from "./index";

const api = useLocalApi({ status: 200, body: { status: "Ok" } });

const SETTINGS = { apiKey: "phc_Q8mX2vN4bR7tK1wL9zY3cF6hJ0sD5gA" };
const run = (action: string, events: unknown[], settings: Record<string, unknown> = SETTINGS) =>
  runAction({ destination: posthog, action, settings, events, api });

interface Body {
  api_key: string;
  historical_migration?: boolean;
  batch: Array<{ event: string; distinct_id: string; timestamp?: string; uuid?: string; properties: Record<string, unknown> }>;
}
const bodyOf = (index = 0) => api.requests[index]?.body as Body;

describe("PostHog · regions", () => {
  const send = (region: string) => run("trackEvent", [sampleEvent("track")], { ...SETTINGS, region });
  itSendsToEachRegion({ destination: posthog, api, send, arrivesAt: { path: "/batch/" } }, [
    ["US", "https://us.i.posthog.com"],
    ["EU", "https://eu.i.posthog.com"],
  ]);

  it("defaults to US", () => {
    expect(resolveBaseUrl(posthog, {})).toBe("https://us.i.posthog.com");
  });
});

describe("PostHog · Track Event", () => {
  it("POSTs {api_key, batch} to /batch/, the key in the body and no Authorization header", async () => {
    const result = await run("trackEvent", [sampleEvent("track")]);
    expect(result.outcomes).toEqual([{ status: "delivered" }]);
    const [request] = api.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/batch/");
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.headers["authorization"]).toBeUndefined();
    expect(request?.body).toEqual({
      api_key: SETTINGS.apiKey,
      batch: [
        {
          event: "Signed Up",
          distinct_id: "user-8271",
          timestamp: "2025-06-02T14:02:58.131Z",
          uuid: messageUuid("ajs-next-9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d"),
          properties: {
            $ip: "203.0.113.42",
            $current_url: "https://www.example.com/signup?utm_source=newsletter",
            $pathname: "/signup",
            $referrer: "https://www.google.com/",
            $raw_user_agent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
            $os: "Mac OS X",
            $os_version: "10.15.7",
            $screen_width: 1512,
            $screen_height: 982,
            $locale: "en-GB",
            $timezone: "Europe/London",
            utm_source: "newsletter",
            utm_medium: "email",
            utm_campaign: "spring_launch",
            $lib: "switchyard",
            plan: "pro",
            trial_days: 14,
            referrer_code: "SPRING25",
          },
        },
      ],
    });
  });

  it("sends an anonymous event under the anonymousId, and e-commerce properties as they are", async () => {
    const anonymous = { ...sampleEvent("order-completed"), userId: undefined };
    await run("trackEvent", [anonymous]);
    const [event] = bodyOf().batch;
    expect(event?.distinct_id).toBe("0d9c5e4a-7b1f-4f0e-9a3c-2b6d8e1f4a7c");
    expect(event?.properties).toMatchObject({ order_id: "ORD-2025-000917", revenue: 81.78, currency: "GBP" });
    expect(event?.properties.products).toHaveLength(2);
  });

  it("marks requests as a historical migration when set", async () => {
    await run("trackEvent", [sampleEvent("track")], { ...SETTINGS, historicalMigration: true });
    expect(bodyOf().historical_migration).toBe(true);
  });

  it("batches: 3 events → 1 request", async () => {
    const events = [sampleEvent("track"), sampleEvent("order-completed"), { ...sampleEvent("track"), messageId: "m-3" }];
    const result = await run("trackEvent", events);
    expect(result.outcomes).toEqual([{ status: "delivered" }, { status: "delivered" }, { status: "delivered" }]);
    expect(api.requests).toHaveLength(1);
    expect(bodyOf().batch.map((event) => event.event)).toEqual(["Signed Up", "Order Completed", "Signed Up"]);
  });

  it("batches: 1001 events → 1000 + 1", async () => {
    const track = sampleEvent("track");
    const events = Array.from({ length: 1001 }, (_, i) => ({ ...track, messageId: `m-${i}` }));
    await run("trackEvent", events);
    expect(api.requests.map((request) => (request.body as Body).batch.length)).toEqual([1000, 1]);
  });

  it("batches: splits by bytes, each request under 5 MiB", async () => {
    const track = sampleEvent("track");
    const padding = "x".repeat(30_000);
    const events = Array.from({ length: 200 }, (_, i) => ({ ...track, messageId: `m-${i}`, properties: { padding } }));
    const result = await run("trackEvent", events);
    expect(result.outcomes.every((outcome) => outcome.status === "delivered")).toBe(true);
    expect(api.requests.length).toBe(2);
    for (const request of api.requests) expect(Buffer.byteLength(request.rawBody)).toBeLessThan(5 * 1024 * 1024);
    expect(api.requests.reduce((sum, request) => sum + (request.body as Body).batch.length, 0)).toBe(200);
  });

  it("masks the project API key in the recorded attempt", async () => {
    const result = await run("trackEvent", [sampleEvent("track")]);
    expect(JSON.stringify(result.attempts)).not.toContain(SETTINGS.apiKey);
  });

  it("a refused batch fails every event in it", async () => {
    api.reply({ status: 400, body: { type: "validation_error", code: "invalid_payload", detail: "Invalid payload: missing distinct_id" } });
    const result = await run("trackEvent", [sampleEvent("track"), { ...sampleEvent("track"), messageId: "m-2" }]);
    expect(result.outcomes.map((outcome) => errorOf(outcome))).toEqual([
      expect.objectContaining({ code: "REJECTED", retryable: false, status: 400, message: "The destination rejected the request (HTTP 400): Invalid payload: missing distinct_id" }),
      expect.objectContaining({ code: "REJECTED", retryable: false, status: 400 }),
    ]);
  });

  it.each(STANDARD_ERROR_CASES)("reads the answer: $name", async ({ reply, expected }) => {
    api.reply(reply);
    const result = await run("trackEvent", [sampleEvent("track")]);
    expect(errorOf(result.outcomes[0])).toMatchObject(expected);
  });
});

describe("PostHog · Track Page View / Track Screen View", () => {
  it("sends page calls as $pageview with $current_url", async () => {
    await run("trackPage", [sampleEvent("page")]);
    const [event] = bodyOf().batch;
    expect(event).toMatchObject({ event: "$pageview", distinct_id: "user-8271", timestamp: "2025-06-02T14:01:40.030Z" });
    expect(event?.properties).toMatchObject({
      $current_url: "https://www.example.com/pricing",
      $pathname: "/pricing",
      $referrer: "https://www.example.com/",
      title: "Pricing — Example",
      name: "Pricing",
      category: "Marketing",
    });
  });

  it("sends screen calls as $screen with $screen_name and the app context", async () => {
    await run("trackScreen", [sampleEvent("screen")]);
    const [event] = bodyOf().batch;
    expect(event).toMatchObject({ event: "$screen", uuid: "b8e1f0c2-4d3a-4f6b-9e7c-5a2d1c0b9f8e" });
    expect(event?.properties).toMatchObject({ $screen_name: "Order History", $os: "iOS", $app_version: "5.12.0", $device_model: "iPhone15,2", orders_shown: 12 });
  });
});

describe("PostHog · Identify User", () => {
  it("sends $identify with the traits in $set and the anonymous id to merge", async () => {
    await run("identifyUser", [sampleEvent("identify")]);
    expect(api.requests[0]?.path).toBe("/batch/");
    expect(bodyOf().batch).toEqual([
      {
        event: "$identify",
        distinct_id: "user-8271",
        timestamp: "2025-06-02T14:03:11.512Z",
        uuid: messageUuid("ajs-next-5f2c1e9a8b7d4c3e2f1a0b9c8d7e6f5a"),
        properties: {
          $set: {
            email: "ada.lovelace@example.com",
            name: "Ada Lovelace",
            firstName: "Ada",
            lastName: "Lovelace",
            phone: "+44 20 7946 0958",
            plan: "pro",
            logins: 42,
            createdAt: "2024-03-14T09:26:53.000Z",
            company: { id: "acme-42", name: "Acme Corp" },
          },
          $anon_distinct_id: "0d9c5e4a-7b1f-4f0e-9a3c-2b6d8e1f4a7c",
          $ip: "203.0.113.42",
          $lib: "switchyard",
        },
      },
    ]);
  });

  it("sends an anonymous identify under the anonymous id, with nothing to merge", async () => {
    await run("identifyUser", [{ ...sampleEvent("identify"), userId: undefined }]);
    const [event] = bodyOf().batch;
    expect(event?.distinct_id).toBe("0d9c5e4a-7b1f-4f0e-9a3c-2b6d8e1f4a7c");
    expect(event?.properties.$anon_distinct_id).toBeUndefined();
  });
});

describe("PostHog · Group Identify", () => {
  it("sends $groupidentify with the group type from the settings, the key and the traits", async () => {
    await run("groupIdentify", [sampleEvent("group")], { ...SETTINGS, groupType: "account" });
    const [event] = bodyOf().batch;
    expect(event).toMatchObject({ event: "$groupidentify", distinct_id: "user-8271" });
    expect(event?.properties).toEqual({
      $group_type: "account",
      $group_key: "acme-42",
      $group_set: { name: "Acme Corp", industry: "Manufacturing", employees: 420, plan: "enterprise", website: "https://acme.example.com" },
      $lib: "switchyard",
    });
  });

  it("defaults the group type to company; a mapping's $group_type wins", async () => {
    await run("groupIdentify", [sampleEvent("group")]);
    expect(bodyOf().batch[0]?.properties.$group_type).toBe("company");
    api.reset();
    const mapping = '{"event": "$groupidentify", "distinct_id": userId, "properties": {"$group_type": "team", "$group_key": groupId}}';
    await runAction({ destination: posthog, action: "groupIdentify", settings: SETTINGS, events: [sampleEvent("group")], api, mapping });
    expect(bodyOf().batch[0]?.properties.$group_type).toBe("team");
  });
});

describe("PostHog · Alias", () => {
  it("sends $create_alias: the previous id becomes an alias of userId", async () => {
    await run("alias", [sampleEvent("alias")]);
    const [event] = bodyOf().batch;
    expect(event).toMatchObject({ event: "$create_alias", distinct_id: "user-8271", properties: { alias: "0d9c5e4a-7b1f-4f0e-9a3c-2b6d8e1f4a7c" } });
  });
});
