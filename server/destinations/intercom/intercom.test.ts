import { describe, expect, it } from "vitest";
import { errorOf, STANDARD_ERROR_CASES } from "../testing/error-cases";
import { itSendsToEachRegion } from "../testing/regional-delivery";
import { runAction } from "../testing/run-action";
import { runTestConnection } from "../testing/run-test-connection";
import { sampleEvent } from "../testing/samples";
import { useLocalApi } from "../testing/use-local-api";
import { intercomMetadata } from "./event-metadata";
import { intercom } from "./index";

const api = useLocalApi();

const SETTINGS = { accessToken: "dG9rOjdmM2E5YzFlXzRiMmRfNDFmOF85YTZjOjE6MA==" };
const run = (action: string, events: unknown[], settings: Record<string, unknown> = SETTINGS) =>
  runAction({ destination: intercom, action, settings, events, api });

const expectIntercomHeaders = (index = 0, version = "2.15") => {
  const headers = api.requests[index]?.headers;
  expect(headers?.["authorization"]).toBe(`Bearer ${SETTINGS.accessToken}`);
  expect(headers?.["intercom-version"]).toBe(version);
  expect(headers?.["accept"]).toBe("application/json");
};

const CONTACT = {
  role: "user",
  external_id: "user-8271",
  email: "ada.lovelace@example.com",
  phone: "+44 20 7946 0958",
  name: "Ada Lovelace",
  signed_up_at: 1710408413,
};
const CONFLICT = { type: "error.list", request_id: "req-1", errors: [{ code: "conflict", message: "A contact matching those details already exists with id=6657a2f1c3b4d5e6f7a8b9c0" }] };

describe("Intercom · regions", () => {
  const send = (region: string) => {
    api.reply({ status: 202, body: "" });
    return run("trackEvent", [sampleEvent("track")], { ...SETTINGS, region });
  };
  itSendsToEachRegion({ destination: intercom, api, send, arrivesAt: { path: "/events" } }, [
    ["US", "https://api.intercom.io"],
    ["EU", "https://api.eu.intercom.io"],
    ["AU", "https://api.au.intercom.io"],
  ]);
});

describe("Intercom · Track Event", () => {
  it("POSTs {event_name, created_at (s), user_id, metadata} to /events with the token and version", async () => {
    api.reply({ status: 202, body: "" });
    const result = await run("trackEvent", [sampleEvent("track")]);
    expect(result.outcomes).toEqual([{ status: "delivered" }]);
    const [request] = api.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/events");
    expectIntercomHeaders();
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.body).toEqual({
      event_name: "Signed Up",
      created_at: 1748872978,
      user_id: "user-8271",
      metadata: { plan: "pro", trial_days: 14, referrer_code: "SPRING25" },
    });
  });

  it("sends an order's revenue as a price in cents first, and keeps ten flat metadata values", async () => {
    await run("trackEvent", [sampleEvent("order-completed")]);
    expect(api.requests[0]?.body).toEqual({
      event_name: "Order Completed",
      created_at: 1748873371,
      user_id: "user-8271",
      metadata: {
        price: { amount: 8178, currency: "GBP" },
        order_id: "ORD-2025-000917",
        checkout_id: "chk_71c9e2",
        affiliation: "Example Online Store",
        subtotal: 89.97,
        shipping: 4.99,
        tax: 7.2,
        discount: 5,
        coupon: "SPRING25",
      },
    });
  });

  it("trims metadata: flat values, rich links and amounts kept, objects and lists left out, ten at most", () => {
    const metadata = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`k${i}`, i]));
    expect(Object.keys(intercomMetadata(metadata))).toEqual(["k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9"]);
    expect(
      intercomMetadata({
        nested: { a: 1 },
        list: [1, 2],
        nothing: null,
        yes: true,
        article: { url: "https://example.org/a", value: "A" },
        price: { amount: 2999, currency: "usd" },
        order_date: 1392036272,
      }),
    ).toEqual({ yes: "true", article: { url: "https://example.org/a", value: "A" }, price: { amount: 2999, currency: "usd" }, order_date: 1392036272 });
  });

  it("files an event without userId under the email, and skips one with neither", async () => {
    const byEmail = { ...sampleEvent("track"), userId: undefined };
    const nobody = { ...sampleEvent("track"), userId: undefined, context: {} };
    const result = await run("trackEvent", [byEmail, nobody]);
    expect(result.skipped).toEqual([{ index: 1, reason: "trigger" }]);
    expect(api.requests[0]?.body).toMatchObject({ email: "ada.lovelace@example.com" });
    expect(api.requests[0]?.body).not.toHaveProperty("user_id");
  });

  it("uses the API version from the settings", async () => {
    await run("trackEvent", [sampleEvent("track")], { ...SETTINGS, apiVersion: "2.11" });
    expectIntercomHeaders(0, "2.11");
  });

  it("masks the token in the recorded attempt", async () => {
    const result = await run("trackEvent", [sampleEvent("track")]);
    expect(result.attempts[0]?.request.headers["Authorization"]).toBe("Bearer ••••");
    expect(JSON.stringify(result.attempts)).not.toContain(SETTINGS.accessToken);
  });

  it("reads Intercom's error list", async () => {
    api.reply({ status: 404, body: { type: "error.list", errors: [{ code: "not_found", message: "User Not Found" }] } });
    const result = await run("trackEvent", [sampleEvent("track")]);
    expect(errorOf(result.outcomes[0])).toEqual({ code: "REJECTED", retryable: false, status: 404, message: "The destination rejected the request (HTTP 404): User Not Found" });
  });

  it.each(STANDARD_ERROR_CASES)("reads the answer: $name", async ({ reply, expected }) => {
    api.reply(reply);
    const result = await run("trackEvent", [sampleEvent("track")]);
    expect(errorOf(result.outcomes[0])).toMatchObject(expected);
  });
});

describe("Intercom · Create or Update User", () => {
  it("POSTs the user to /contacts: role user, external_id, email, name, signed_up_at in seconds", async () => {
    api.reply({ status: 200, body: { type: "contact", id: "6657a2f1c3b4d5e6f7a8b9c0" } });
    const result = await run("identifyContact", [sampleEvent("identify")]);
    expect(result.outcomes).toEqual([{ status: "delivered" }]);
    expect(api.requests).toHaveLength(1);
    const [request] = api.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/contacts");
    expectIntercomHeaders();
    expect(request?.body).toEqual(CONTACT);
  });

  it("on 409, updates the contact the conflict names with PUT /contacts/{id}", async () => {
    api.reply({ status: 409, body: CONFLICT }, { status: 200, body: { type: "contact", id: "6657a2f1c3b4d5e6f7a8b9c0" } });
    const result = await run("identifyContact", [sampleEvent("identify")]);
    expect(result.outcomes).toEqual([{ status: "delivered" }]);
    expect(api.requests.map((request) => `${request.method} ${request.path}`)).toEqual(["POST /contacts", "PUT /contacts/6657a2f1c3b4d5e6f7a8b9c0"]);
    expect(api.requests[1]?.body).toEqual(CONTACT);
    expectIntercomHeaders(1);
  });

  it("on a 409 without an id, searches by external_id and updates the one contact found", async () => {
    api.reply(
      { status: 409, body: { type: "error.list", errors: [{ code: "conflict", message: "Conflict" }] } },
      { status: 200, body: { type: "list", total_count: 1, data: [{ type: "contact", id: "abc123" }] } },
      { status: 200, body: { type: "contact", id: "abc123" } },
    );
    const result = await run("identifyContact", [sampleEvent("identify")]);
    expect(result.outcomes).toEqual([{ status: "delivered" }]);
    expect(api.requests.map((request) => `${request.method} ${request.path}`)).toEqual(["POST /contacts", "POST /contacts/search", "PUT /contacts/abc123"]);
    expect(api.requests[1]?.body).toEqual({ query: { field: "external_id", operator: "=", value: "user-8271" } });
  });

  it("searches by email when there is no userId", async () => {
    api.reply(
      { status: 409, body: { type: "error.list", errors: [{ code: "conflict", message: "Conflict" }] } },
      { status: 200, body: { type: "list", total_count: 1, data: [{ type: "contact", id: "abc123" }] } },
      { status: 200, body: {} },
    );
    await run("identifyContact", [{ ...sampleEvent("identify"), userId: undefined }]);
    expect(api.requests[1]?.body).toEqual({ query: { field: "email", operator: "=", value: "ada.lovelace@example.com" } });
    expect(api.requests[2]?.body).not.toHaveProperty("external_id");
  });

  it("retries later when the search cannot find the contact yet", async () => {
    api.reply(
      { status: 409, body: { type: "error.list", errors: [{ code: "conflict", message: "Conflict" }] } },
      { status: 200, body: { type: "list", total_count: 0, data: [] } },
    );
    const result = await run("identifyContact", [sampleEvent("identify")]);
    expect(errorOf(result.outcomes[0])).toMatchObject({ code: "UPSTREAM_ERROR", retryable: true, status: 409 });
    expect(api.requests).toHaveLength(2);
  });

  it("reports the update's own failure", async () => {
    api.reply({ status: 409, body: CONFLICT }, { status: 400, body: { type: "error.list", errors: [{ code: "parameter_invalid", message: "Custom attribute 'plan' does not exist" }] } });
    const result = await run("identifyContact", [sampleEvent("identify")]);
    expect(errorOf(result.outcomes[0])).toMatchObject({ code: "REJECTED", retryable: false, status: 400, message: expect.stringContaining("Custom attribute 'plan' does not exist") });
  });

  it.each(STANDARD_ERROR_CASES)("reads the answer: $name", async ({ reply, expected }) => {
    api.reply(reply);
    const result = await run("identifyContact", [sampleEvent("identify")]);
    expect(errorOf(result.outcomes[0])).toMatchObject(expected);
  });
});

describe("Intercom · connection test", () => {
  it("GETs /me with the token and version", async () => {
    api.reply({ status: 200, body: { type: "admin", id: "991267" } });
    const { outcome } = await runTestConnection(intercom, SETTINGS, api);
    expect(outcome).toEqual({ status: "delivered" });
    expect(api.requests[0]).toMatchObject({ method: "GET", path: "/me" });
    expectIntercomHeaders();
  });

  it("says when the token is wrong", async () => {
    api.reply({ status: 401, body: { type: "error.list", errors: [{ code: "unauthorized", message: "Access Token Invalid" }] } });
    const { outcome } = await runTestConnection(intercom, SETTINGS, api);
    expect(errorOf(outcome)).toMatchObject({ code: "INVALID_CREDENTIALS", retryable: false });
  });
});
