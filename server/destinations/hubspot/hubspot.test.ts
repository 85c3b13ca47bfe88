import { describe, expect, it } from "vitest";
import { regionalBaseUrl, resolveBaseUrl } from "../base-url";
import { messageUuid } from "../message-uuid";
import { errorOf, STANDARD_ERROR_CASES } from "../testing/error-cases";
import { runAction } from "../testing/run-action";
import { runTestConnection } from "../testing/run-test-connection";
import { sampleEvent } from "../testing/samples";
import { useLocalApi } from "../testing/use-local-api";
import { customEventName } from "./custom-event-name";
import { hubspotEventProperties } from "./event-properties";
import { hubspot } from "./index";

const api = useLocalApi();

const SETTINGS = { accessToken: "pat-eu1-7c3e9a1f-2b4d-4f6a-8c0e-1a3b5c7d9e2f", hubId: "20118943" };
const run = (action: string, events: unknown[], settings: Record<string, unknown> = SETTINGS) =>
  runAction({ destination: hubspot, action, settings, events, api });
const AUTH = `Bearer ${SETTINGS.accessToken}`;

const ADA = { email: "ada.lovelace@example.com", firstname: "Ada", lastname: "Lovelace", phone: "+44 20 7946 0958", company: "Acme Corp" };
const identify = (email: string, extra: Record<string, unknown> = {}) => ({ ...sampleEvent("identify"), traits: { email, ...extra } });

describe("HubSpot · region", () => {
  it("sends to https://api.hubapi.com, unless the base URL is overridden", async () => {
    expect(regionalBaseUrl(hubspot, "Global")).toBe("https://api.hubapi.com");
    expect(resolveBaseUrl(hubspot, {})).toBe("https://api.hubapi.com");
    expect(resolveBaseUrl(hubspot, { baseUrl: `${api.url}/` })).toBe(api.url);
    const result = await run("upsertContact", [sampleEvent("identify")]);
    expect(result.outcomes).toEqual([{ status: "delivered" }]);
    expect(api.requests[0]?.pathname).toBe("/crm/v3/objects/contacts/ada.lovelace%40example.com");
  });
});

describe("HubSpot · Create or Update Contact", () => {
  it("PATCHes the contact by email with its properties", async () => {
    api.reply({ status: 200, body: { id: "5101", properties: {} } });
    const result = await run("upsertContact", [sampleEvent("identify")]);
    expect(result.outcomes).toEqual([{ status: "delivered" }]);
    expect(api.requests).toHaveLength(1);
    const [request] = api.requests;
    expect(request?.method).toBe("PATCH");
    expect(request?.path).toBe("/crm/v3/objects/contacts/ada.lovelace%40example.com?idProperty=email");
    expect(request?.headers["authorization"]).toBe(AUTH);
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.body).toEqual({ properties: ADA });
  });

  it("creates the contact (POST /crm/v3/objects/contacts) when the PATCH finds none (404)", async () => {
    api.reply({ status: 404, body: { status: "error", message: "resource not found", category: "OBJECT_NOT_FOUND" } }, { status: 201, body: { id: "5102" } });
    const result = await run("upsertContact", [sampleEvent("identify")]);
    expect(result.outcomes).toEqual([{ status: "delivered" }]);
    expect(api.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      "PATCH /crm/v3/objects/contacts/ada.lovelace%40example.com?idProperty=email",
      "POST /crm/v3/objects/contacts",
    ]);
    expect(api.requests[1]?.body).toEqual({ properties: ADA });
    expect(api.requests[1]?.headers["authorization"]).toBe(AUTH);
  });

  it("reports the create's own failure; a 409 (created meanwhile) goes again", async () => {
    api.reply({ status: 404, body: {} }, { status: 409, body: { status: "error", message: "Contact already exists. Existing ID: 5103", category: "CONFLICT" } });
    const result = await run("upsertContact", [sampleEvent("identify")]);
    expect(errorOf(result.outcomes[0])).toMatchObject({ code: "UPSTREAM_ERROR", retryable: true, status: 409 });
  });

  it("skips identifies without an email (trigger)", async () => {
    const result = await run("upsertContact", [{ ...sampleEvent("identify"), traits: { plan: "pro" } }]);
    expect(result.skipped).toEqual([{ index: 0, reason: "trigger" }]);
  });

  it("batches: 3 contacts → one batch/upsert by email, positions as objectWriteTraceId", async () => {
    api.reply({ status: 200, body: { status: "COMPLETE", results: [] } });
    const result = await run("upsertContact", [identify("a@example.com"), identify("b@example.com"), identify("c@example.com")]);
    expect(result.outcomes).toEqual([{ status: "delivered" }, { status: "delivered" }, { status: "delivered" }]);
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]).toMatchObject({ method: "POST", path: "/crm/v3/objects/contacts/batch/upsert" });
    expect(api.requests[0]?.headers["authorization"]).toBe(AUTH);
    expect(api.requests[0]?.body).toEqual({
      inputs: ["a", "b", "c"].map((name, index) => ({
        idProperty: "email",
        id: `${name}@example.com`,
        objectWriteTraceId: String(index),
        properties: { email: `${name}@example.com` },
      })),
    });
  });

  it("batches: the same email twice becomes one input, later properties winning", async () => {
    const events = [identify("a@example.com", { firstName: "A" }), identify("b@example.com"), identify("A@example.com", { lastName: "Z" })];
    const result = await run("upsertContact", events);
    expect(result.outcomes).toHaveLength(3);
    const { inputs } = api.requests[0]?.body as { inputs: Array<{ id: string; properties: Record<string, unknown> }> };
    expect(inputs.map((input) => input.id)).toEqual(["A@example.com", "b@example.com"]);
    expect(inputs[0]?.properties).toEqual({ email: "A@example.com", firstname: "A", lastname: "Z" });
  });

  it("batches: 101 contacts → 100 + 1", async () => {
    const events = Array.from({ length: 101 }, (_, i) => identify(`user${i}@example.com`));
    await run("upsertContact", events);
    expect(api.requests.map((request) => request.pathname)).toEqual(["/crm/v3/objects/contacts/batch/upsert", "/crm/v3/objects/contacts/user100%40example.com"]);
    expect((api.requests[0]?.body as { inputs: unknown[] }).inputs).toHaveLength(100);
  });

  it("207 multi-status: contacts named by objectWriteTraceId fail for good, the rest are delivered", async () => {
    api.reply({
      status: 207,
      body: {
        status: "COMPLETE",
        results: [{ id: "1" }, { id: "3" }],
        numErrors: 1,
        errors: [{ status: "error", category: "VALIDATION_ERROR", message: "Property values were not valid: phone", context: { objectWriteTraceId: ["1"] } }],
      },
    });
    const result = await run("upsertContact", [identify("a@example.com"), identify("b@example.com"), identify("c@example.com")]);
    expect(result.outcomes[0]).toEqual({ status: "delivered" });
    expect(errorOf(result.outcomes[1])).toEqual({ code: "REJECTED", retryable: false, status: 207, message: "HubSpot rejected the contact: Property values were not valid: phone" });
    expect(result.outcomes[2]).toEqual({ status: "delivered" });
  });

  it("400 naming one contact: that one fails for good, the others go again", async () => {
    api.reply({ status: 400, body: { status: "error", message: "Invalid input", errors: [{ message: "Property \"plan\" does not exist", context: { objectWriteTraceId: ["0"] } }] } });
    const result = await run("upsertContact", [identify("a@example.com"), identify("b@example.com")]);
    expect(errorOf(result.outcomes[0])).toMatchObject({ code: "REJECTED", retryable: false, message: 'HubSpot rejected the contact: Property "plan" does not exist' });
    expect(errorOf(result.outcomes[1])).toMatchObject({ code: "BATCH_INCOMPLETE", retryable: true, status: 400 });
  });

  it("masks the token in the recorded attempt", async () => {
    const result = await run("upsertContact", [sampleEvent("identify")]);
    expect(result.attempts[0]?.request.headers["Authorization"]).toBe("Bearer ••••");
    expect(JSON.stringify(result.attempts)).not.toContain(SETTINGS.accessToken);
  });

  // Every answer is the scripted one, so a 404 to the update is also the create's answer.
  it.each(STANDARD_ERROR_CASES)("reads the answer: $name", async ({ reply, expected }) => {
    api.replyByDefault(reply);
    const result = await run("upsertContact", [sampleEvent("identify")]);
    expect(errorOf(result.outcomes[0])).toMatchObject(expected);
  });
});

describe("HubSpot · Send Custom Event", () => {
  it("POSTs the occurrence to /events/v3/send as pe<Hub ID>_<name> with the email and a UUID", async () => {
    api.reply({ status: 204, body: "" });
    const result = await run("trackEvent", [sampleEvent("track")]);
    expect(result.outcomes).toEqual([{ status: "delivered" }]);
    const [request] = api.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/events/v3/send");
    expect(request?.headers["authorization"]).toBe(AUTH);
    expect(request?.body).toEqual({
      eventName: "pe20118943_signed_up",
      occurredAt: "2025-06-02T14:02:58.131Z",
      email: "ada.lovelace@example.com",
      uuid: messageUuid("ajs-next-9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d"),
      properties: { plan: "pro", trial_days: 14, referrer_code: "SPRING25" },
    });
  });

  it("keeps a full event name from the mapping, and names events as HubSpot's internal names", () => {
    expect(customEventName("pe777_checkout_done", "20118943")).toBe("pe777_checkout_done");
    expect(customEventName("Order Completed", "20118943")).toBe("pe20118943_order_completed");
    expect(customEventName("  Video: Played (HD) ", "1")).toBe("pe1_video_played_hd");
  });

  it("fails with a settings error when neither a Hub ID nor a full name is given", async () => {
    const result = await run("trackEvent", [sampleEvent("track")], { accessToken: SETTINGS.accessToken });
    expect(errorOf(result.outcomes[0])).toMatchObject({ code: "SETTINGS_INVALID", retryable: false });
    expect(api.requests).toHaveLength(0);
  });

  it("sends order properties without the product list, as flat values", async () => {
    await run("trackEvent", [sampleEvent("order-completed")]);
    const body = api.requests[0]?.body as { eventName: string; properties: Record<string, unknown> };
    expect(body.eventName).toBe("pe20118943_order_completed");
    expect(body.properties).toMatchObject({ order_id: "ORD-2025-000917", revenue: 81.78, currency: "GBP" });
    expect(body.properties).not.toHaveProperty("products");
    expect(hubspotEventProperties({ tags: ["a", "b"], nested: { x: 1 }, none: null, ok: true })).toEqual({ tags: "a;b", nested: '{"x":1}', ok: true });
  });

  it("batches: 3 events → /events/v3/send/batch {inputs}; 101 → 100 + 1", async () => {
    const track = sampleEvent("track");
    await run("trackEvent", [track, { ...track, messageId: "m-2" }, { ...track, messageId: "m-3" }]);
    expect(api.requests[0]?.path).toBe("/events/v3/send/batch");
    const { inputs } = api.requests[0]?.body as { inputs: Array<{ uuid: string }> };
    expect(inputs.map((input) => input.uuid)).toEqual([messageUuid(String(track.messageId)), messageUuid("m-2"), messageUuid("m-3")]);
    api.reset();
    await run("trackEvent", Array.from({ length: 101 }, (_, i) => ({ ...track, messageId: `m-${i}` })));
    expect(api.requests.map((request) => request.path)).toEqual(["/events/v3/send/batch", "/events/v3/send"]);
  });

  it.each(STANDARD_ERROR_CASES)("reads the answer: $name", async ({ reply, expected }) => {
    api.reply(reply);
    const result = await run("trackEvent", [sampleEvent("track")]);
    expect(errorOf(result.outcomes[0])).toMatchObject(expected);
  });
});

describe("HubSpot · connection test", () => {
  it("reads one contact with the token", async () => {
    api.reply({ status: 200, body: { results: [] } });
    const { outcome } = await runTestConnection(hubspot, SETTINGS, api);
    expect(outcome).toEqual({ status: "delivered" });
    expect(api.requests[0]).toMatchObject({ method: "GET", path: "/crm/v3/objects/contacts?limit=1" });
    expect(api.requests[0]?.headers["authorization"]).toBe(AUTH);
  });

  it("says when the token lacks the scope", async () => {
    api.reply({ status: 403, body: { status: "error", message: "This app hasn't been granted all required scopes", category: "MISSING_SCOPES" } });
    const { outcome } = await runTestConnection(hubspot, SETTINGS, api);
    expect(errorOf(outcome)).toMatchObject({ code: "INVALID_CREDENTIALS", retryable: false, status: 403 });
  });
});
