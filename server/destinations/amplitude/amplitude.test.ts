import { describe, expect, it } from "vitest";
import { errorOf, STANDARD_ERROR_CASES } from "../testing/error-cases";
import { itSendsToEachRegion } from "../testing/regional-delivery";
import { runAction } from "../testing/run-action";
import { sampleEvent } from "../testing/samples";
import { useLocalApi } from "../testing/use-local-api";
import { amplitude } from "./index";

const api = useLocalApi({ status: 200, body: { code: 200, events_ingested: 1, payload_size_bytes: 512, server_upload_time: 1748872979000 } });

const SETTINGS = { apiKey: "a1b2c3d4e5f60718293a4b5c6d7e8f90" };
const run = (action: string, events: unknown[], settings: Record<string, unknown> = SETTINGS) =>
  runAction({ destination: amplitude, action, settings, events, api });

describe("Amplitude · regions", () => {
  const send = (region: string) => run("trackEvent", [sampleEvent("track")], { ...SETTINGS, region });
  itSendsToEachRegion({ destination: amplitude, api, send, arrivesAt: { path: "/2/httpapi" } }, [
    ["US", "https://api2.amplitude.com"],
    ["EU", "https://api.eu.amplitude.com"],
  ]);
});

describe("Amplitude · Track Event", () => {
  it("POSTs {api_key, events} to /2/httpapi with time in ms and insert_id = messageId", async () => {
    await run("trackEvent", [sampleEvent("track")]);
    const [request] = api.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/2/httpapi");
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.headers["authorization"]).toBeUndefined();
    expect(request?.body).toEqual({
      api_key: SETTINGS.apiKey,
      events: [
        {
          event_type: "Signed Up",
          user_id: "user-8271",
          device_id: "0d9c5e4a-7b1f-4f0e-9a3c-2b6d8e1f4a7c",
          time: 1748872978131,
          insert_id: "ajs-next-9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d",
          event_properties: { plan: "pro", trial_days: 14, referrer_code: "SPRING25" },
          user_properties: { email: "ada.lovelace@example.com", name: "Ada Lovelace" },
          platform: "Web",
          os_name: "Mac OS X",
          os_version: "10.15.7",
          language: "en-GB",
          ip: "203.0.113.42",
          library: "switchyard",
        },
      ],
    });
  });

  it("sends revenue for an order and min_id_length when set", async () => {
    await run("trackEvent", [sampleEvent("order-completed")], { ...SETTINGS, minIdLength: 1 });
    const body = api.requests[0]?.body as { events: Array<Record<string, unknown>>; options: unknown };
    expect(body.options).toEqual({ min_id_length: 1 });
    expect(body.events[0]).toMatchObject({ event_type: "Order Completed", revenue: 81.78, insert_id: "sy-4b7e2f1a-9c3d-4e8f-a1b2-c3d4e5f6a7b8" });
  });

  it("uses the device id of a mobile app, and the app's platform", async () => {
    await run("trackScreen", [sampleEvent("screen")]);
    const body = api.requests[0]?.body as { events: Array<Record<string, unknown>> };
    expect(body.events[0]).toMatchObject({
      event_type: "Viewed Order History Screen",
      device_id: "C7A5D3E1-2B4F-4A6C-8E0D-1F3B5D7E9A2C",
      platform: "iOS",
      app_version: "5.12.0",
      device_manufacturer: "Apple",
      carrier: "EE",
    });
  });

  it('names page calls "Viewed <name> Page"', async () => {
    await run("trackPage", [sampleEvent("page")]);
    const body = api.requests[0]?.body as { events: Array<Record<string, unknown>> };
    expect(body.events[0]).toMatchObject({ event_type: "Viewed Pricing Page", event_properties: { name: "Pricing", url: "https://www.example.com/pricing" } });
  });

  it("batches: 3 events → 1 request to /2/httpapi, or to /batch with the Batch API", async () => {
    const events = [sampleEvent("track"), sampleEvent("order-completed"), { ...sampleEvent("track"), messageId: "m-3" }];
    await run("trackEvent", events);
    await run("trackEvent", events, { ...SETTINGS, useBatchEndpoint: true });
    expect(api.requests.map((request) => [request.path, (request.body as { events: unknown[] }).events.length])).toEqual([
      ["/2/httpapi", 3],
      ["/batch", 3],
    ]);
  });

  it("batches: 1001 events → 1000 + 1", async () => {
    const track = sampleEvent("track");
    const events = Array.from({ length: 1001 }, (_, i) => ({ ...track, messageId: `m-${i}` }));
    await run("trackEvent", events);
    expect(api.requests.map((request) => (request.body as { events: unknown[] }).events.length)).toEqual([1000, 1]);
  });

  it("a 400 naming events: those fail for good, the others go again", async () => {
    api.reply({
      status: 400,
      body: { code: 400, error: "Request missing required field", events_with_invalid_fields: { time: [1] }, events_with_missing_fields: { event_type: [2] } },
    });
    const events = [sampleEvent("track"), { ...sampleEvent("track"), messageId: "m-2" }, { ...sampleEvent("track"), messageId: "m-3" }];
    const result = await run("trackEvent", events);
    expect(errorOf(result.outcomes[0])).toMatchObject({ code: "BATCH_INCOMPLETE", retryable: true });
    expect(errorOf(result.outcomes[1])).toMatchObject({ code: "REJECTED", retryable: false, message: "Amplitude rejected the event: invalid time" });
    expect(errorOf(result.outcomes[2])).toMatchObject({ code: "REJECTED", retryable: false, message: "Amplitude rejected the event: missing event_type" });
  });

  it("a wrong API key (a 400 at Amplitude) is reported as wrong credentials, without echoing the key", async () => {
    api.reply({ status: 400, body: { code: 400, error: `Invalid API key: ${SETTINGS.apiKey}` } });
    const result = await run("trackEvent", [sampleEvent("track")]);
    const error = errorOf(result.outcomes[0]);
    expect(error).toMatchObject({ code: "INVALID_CREDENTIALS", retryable: false, status: 400 });
    expect(error.message).not.toContain(SETTINGS.apiKey);
    expect(JSON.stringify(result.attempts)).not.toContain(SETTINGS.apiKey);
  });

  it("a 429 without Retry-After waits the 15 s Amplitude asks for", async () => {
    api.reply({ status: 429, body: { code: 429, error: "Too many requests for some devices and users", eps_threshold: 30 } });
    const result = await run("trackEvent", [sampleEvent("track")]);
    expect(errorOf(result.outcomes[0])).toMatchObject({ code: "RATE_LIMITED", retryable: true, retryAfterMs: 15_000 });
  });

  it.each(STANDARD_ERROR_CASES)("reads the answer: $name", async ({ reply, expected }) => {
    api.reply(reply);
    const result = await run("trackEvent", [sampleEvent("track")]);
    expect(errorOf(result.outcomes[0])).toMatchObject(expected);
  });
});

describe("Amplitude · Identify User", () => {
  it("POSTs a form to /identify: api_key and identification, a JSON array", async () => {
    api.reply({ status: 200, body: "success" });
    const result = await run("identifyUser", [sampleEvent("identify")]);
    expect(result.outcomes).toEqual([{ status: "delivered" }]);
    const [request] = api.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/identify");
    expect(request?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    const form = request?.body as { api_key: string; identification: string };
    expect(Object.keys(form)).toEqual(["api_key", "identification"]);
    expect(form.api_key).toBe(SETTINGS.apiKey);
    expect(JSON.parse(form.identification)).toEqual([
      {
        user_id: "user-8271",
        device_id: "0d9c5e4a-7b1f-4f0e-9a3c-2b6d8e1f4a7c",
        user_properties: {
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
        platform: "Web",
        os_name: "Mac OS X",
        os_version: "10.15.7",
        language: "en-GB",
      },
    ]);
  });

  it("masks the API key in the recorded form body", async () => {
    const result = await run("identifyUser", [sampleEvent("identify")]);
    expect(result.attempts[0]?.request.body).toContain("api_key=••••8f90&identification=");
    expect(JSON.stringify(result.attempts)).not.toContain(SETTINGS.apiKey);
  });
});
