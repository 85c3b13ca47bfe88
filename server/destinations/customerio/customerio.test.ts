import { describe, expect, it } from "vitest";
import { errorOf, STANDARD_ERROR_CASES } from "../testing/error-cases";
import { itSendsToEachRegion } from "../testing/regional-delivery";
import { runAction } from "../testing/run-action";
import { runTestConnection } from "../testing/run-test-connection";
import { sampleEvent } from "../testing/samples";
import { useLocalApi } from "../testing/use-local-api";
import { customerioEventId } from "./event-id";
import { customerio } from "./index";

/** The time part of a ULID: its first 10 Crockford base-32 characters. */
const decodeTime = (ulid: string) =>
  [...ulid.slice(0, 10)].reduce((ms, char) => ms * 32 + "0123456789ABCDEFGHJKMNPQRSTVWXYZ".indexOf(char), 0);

const api = useLocalApi();

const SETTINGS = { siteId: "f3a9c1e7b5d2", apiKey: "cio_trk_7e2b9d4f1a6c3e8b5d0f" };
const AUTH = `Basic ${Buffer.from(`${SETTINGS.siteId}:${SETTINGS.apiKey}`).toString("base64")}`;
const run = (action: string, events: unknown[], settings: Record<string, unknown> = SETTINGS) =>
  runAction({ destination: customerio, action, settings, events, api });

describe("Customer.io · regions", () => {
  const send = (region: string) => run("trackEvent", [sampleEvent("track")], { ...SETTINGS, region });
  itSendsToEachRegion({ destination: customerio, api, send, arrivesAt: { path: "/api/v2/entity" } }, [
    ["US", "https://track.customer.io"],
    ["EU", "https://track-eu.customer.io"],
  ]);
});

describe("Customer.io · Identify Person", () => {
  it("POSTs a person identify to /api/v2/entity with Basic siteId:apiKey", async () => {
    const result = await run("identifyPerson", [sampleEvent("identify")]);
    expect(result.outcomes).toEqual([{ status: "delivered" }]);
    const [request] = api.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/api/v2/entity");
    expect(request?.headers["authorization"]).toBe(AUTH);
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.body).toEqual({
      type: "person",
      action: "identify",
      identifiers: { id: "user-8271" },
      attributes: {
        email: "ada.lovelace@example.com",
        name: "Ada Lovelace",
        firstName: "Ada",
        lastName: "Lovelace",
        phone: "+44 20 7946 0958",
        plan: "pro",
        logins: 42,
        company: { id: "acme-42", name: "Acme Corp" },
        anonymous_id: "0d9c5e4a-7b1f-4f0e-9a3c-2b6d8e1f4a7c",
        created_at: 1710408413,
      },
    });
  });

  it("finds a person by email when there is no userId, and skips identifies with neither", async () => {
    const byEmail = { ...sampleEvent("identify"), userId: undefined };
    const anonymous = { ...sampleEvent("identify"), userId: undefined, traits: { plan: "free" } };
    const result = await run("identifyPerson", [byEmail, anonymous]);
    expect(result.skipped).toEqual([{ index: 1, reason: "trigger" }]);
    expect((api.requests[0]?.body as { identifiers: unknown }).identifiers).toEqual({ email: "ada.lovelace@example.com" });
  });
});

describe("Customer.io · Track Event / Page / Screen", () => {
  it("POSTs a person event with id from the messageId (as a ULID) and timestamp in Unix seconds", async () => {
    await run("trackEvent", [sampleEvent("track")]);
    expect(api.requests[0]?.body).toEqual({
      type: "person",
      action: "event",
      identifiers: { id: "user-8271" },
      name: "Signed Up",
      id: customerioEventId("ajs-next-9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d", 1748872978),
      timestamp: 1748872978,
      attributes: { plan: "pro", trial_days: 14, referrer_code: "SPRING25" },
    });
  });

  it("turns a message id into a stable ULID with the event's time, and keeps a ULID as it is", () => {
    const id = customerioEventId("ajs-next-9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d", 1748872978);
    expect(id).toMatch(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/);
    expect(decodeTime(id)).toBe(1748872978000);
    expect(customerioEventId("ajs-next-9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d", 1748872978)).toBe(id);
    expect(customerioEventId("ajs-next-other", 1748872978)).not.toBe(id);
    expect(customerioEventId("01BX5ZZKBKACTAV9WEVGEMMVRY", 1748872978)).toBe("01BX5ZZKBKACTAV9WEVGEMMVRY");
  });

  it("sends an anonymous person's event by anonymous_id", async () => {
    await run("trackEvent", [{ ...sampleEvent("track"), userId: undefined }]);
    expect((api.requests[0]?.body as { identifiers: unknown }).identifiers).toEqual({ anonymous_id: "0d9c5e4a-7b1f-4f0e-9a3c-2b6d8e1f4a7c" });
  });

  it("sends page views named by URL and screen views named by screen", async () => {
    await run("trackPage", [sampleEvent("page")]);
    await run("trackScreen", [sampleEvent("screen")]);
    const [page, screen] = api.requests.map((request) => request.body as Record<string, unknown>);
    expect(page).toMatchObject({ type: "person", action: "page", name: "https://www.example.com/pricing", timestamp: 1748872900 });
    expect(screen).toMatchObject({ type: "person", action: "screen", name: "Order History", attributes: { orders_shown: 12, filter: "last_90_days" } });
  });

  it("batches: 3 events → 1 request to /api/v2/batch", async () => {
    const events = [sampleEvent("track"), sampleEvent("order-completed"), { ...sampleEvent("track"), messageId: "m-3" }];
    const result = await run("trackEvent", events);
    expect(result.outcomes).toHaveLength(3);
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.path).toBe("/api/v2/batch");
    expect(api.requests[0]?.headers["authorization"]).toBe(AUTH);
    expect((api.requests[0]?.body as { batch: Array<{ name: string }> }).batch.map((entity) => entity.name)).toEqual([
      "Signed Up",
      "Order Completed",
      "Signed Up",
    ]);
  });

  it("batches: 101 events → 100 + 1 (the single one to /entity)", async () => {
    const track = sampleEvent("track");
    const events = Array.from({ length: 101 }, (_, i) => ({ ...track, messageId: `m-${i}` }));
    await run("trackEvent", events);
    expect(api.requests.map((request) => request.path)).toEqual(["/api/v2/batch", "/api/v2/entity"]);
    expect((api.requests[0]?.body as { batch: unknown[] }).batch).toHaveLength(100);
  });

  it("batches stay under 500 KB", async () => {
    const big = { ...sampleEvent("track"), properties: { notes: "x".repeat(20_000) } };
    const events = Array.from({ length: 60 }, (_, i) => ({ ...big, messageId: `m-${i}` }));
    await run("trackEvent", events);
    expect(api.requests.length).toBeGreaterThan(1);
    for (const request of api.requests) expect(Buffer.byteLength(request.rawBody)).toBeLessThan(500_000);
  });

  it("a batch answer naming entities: those fail for good, the others are delivered", async () => {
    api.reply({ status: 200, body: { errors: [{ batch_index: 1, reason: "required", field: "identifiers", message: "identifiers must not be empty" }] } });
    const events = [sampleEvent("track"), { ...sampleEvent("track"), messageId: "m-2" }, { ...sampleEvent("track"), messageId: "m-3" }];
    const result = await run("trackEvent", events);
    expect(result.outcomes[0]).toEqual({ status: "delivered" });
    expect(errorOf(result.outcomes[1])).toMatchObject({ code: "REJECTED", retryable: false, message: "Customer.io rejected the entity: identifiers: identifiers must not be empty" });
    expect(result.outcomes[2]).toEqual({ status: "delivered" });
  });

  it("masks the API key in the recorded attempt", async () => {
    const result = await run("trackEvent", [sampleEvent("track")]);
    expect(result.attempts[0]?.request.headers["Authorization"]).toBe("Basic ••••");
  });

  it.each(STANDARD_ERROR_CASES)("reads the answer: $name", async ({ reply, expected }) => {
    api.reply(reply);
    const result = await run("trackEvent", [sampleEvent("track")]);
    expect(errorOf(result.outcomes[0])).toMatchObject(expected);
  });
});

describe("Customer.io · Create or Update Object", () => {
  it("sends a group call as an object related to the person", async () => {
    await run("groupObject", [sampleEvent("group")]);
    expect(api.requests[0]?.body).toEqual({
      type: "object",
      action: "identify",
      identifiers: { object_type_id: "1", object_id: "acme-42" },
      attributes: { name: "Acme Corp", industry: "Manufacturing", employees: 420, plan: "enterprise", website: "https://acme.example.com" },
      cio_relationships: [{ identifiers: { id: "user-8271" } }],
    });
  });

  it("skips group calls without a userId", async () => {
    const result = await run("groupObject", [{ ...sampleEvent("group"), userId: undefined, anonymousId: "anon-1" }]);
    expect(result.skipped).toEqual([{ index: 0, reason: "trigger" }]);
    expect(api.requests).toHaveLength(0);
  });
});

describe("Customer.io · connection test", () => {
  it("asks the Track API for the account's region with the credentials", async () => {
    api.reply({ status: 200, body: { url: "https://track.customer.io", data_center: "us", environment_id: 81234 } });
    const { outcome } = await runTestConnection(customerio, SETTINGS, api);
    expect(outcome).toEqual({ status: "delivered" });
    expect(api.requests[0]).toMatchObject({ method: "GET", path: "/api/v1/accounts/region" });
    expect(api.requests[0]?.headers["authorization"]).toBe(AUTH);
  });

  it("says when the credentials are wrong", async () => {
    api.reply({ status: 401, body: { meta: { error: "Unauthorized request" } } });
    const { outcome } = await runTestConnection(customerio, SETTINGS, api);
    expect(errorOf(outcome)).toMatchObject({ code: "INVALID_CREDENTIALS", retryable: false });
  });

  it("says when the workspace is in the other region", async () => {
    api.reply({ status: 200, body: { url: "https://track-eu.customer.io", data_center: "eu", environment_id: 81234 } });
    const { outcome } = await runTestConnection(customerio, { ...SETTINGS, region: "US" }, api);
    expect(errorOf(outcome)).toMatchObject({ code: "SETTINGS_INVALID", message: "This Customer.io workspace is in the EU region; set Region to EU" });
  });
});
