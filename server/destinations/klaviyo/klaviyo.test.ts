import { describe, expect, it } from "vitest";
import { regionalBaseUrl, resolveBaseUrl } from "../base-url";
import { errorOf, STANDARD_ERROR_CASES } from "../testing/error-cases";
import { runAction } from "../testing/run-action";
import { runTestConnection } from "../testing/run-test-connection";
import { sampleEvent } from "../testing/samples";
import { useLocalApi } from "../testing/use-local-api";
import { klaviyo } from "./index";

const api = useLocalApi({ status: 202, body: "" });

const SETTINGS = { apiKey: "pk_4f7c2a9e1b3d5f8a0c6e2b4d7f9a1c3e5b" };
const run = (action: string, events: unknown[], settings: Record<string, unknown> = SETTINGS) =>
  runAction({ destination: klaviyo, action, settings, events, api });

const expectKlaviyoHeaders = (index = 0, revision = "2026-07-15") => {
  const headers = api.requests[index]?.headers;
  expect(headers?.["authorization"]).toBe(`Klaviyo-API-Key ${SETTINGS.apiKey}`);
  expect(headers?.["revision"]).toBe(revision);
  expect(headers?.["accept"]).toBe("application/vnd.api+json");
};

describe("Klaviyo · region", () => {
  it("sends to https://a.klaviyo.com, unless the base URL is overridden", async () => {
    expect(regionalBaseUrl(klaviyo, "US")).toBe("https://a.klaviyo.com");
    expect(resolveBaseUrl(klaviyo, {})).toBe("https://a.klaviyo.com");
    expect(resolveBaseUrl(klaviyo, { baseUrl: `${api.url}/` })).toBe(api.url);
    const result = await run("trackEvent", [sampleEvent("track")]);
    expect(result.outcomes).toEqual([{ status: "delivered" }]);
    expect(api.requests[0]?.path).toBe("/api/events");
  });
});

describe("Klaviyo · Track Event", () => {
  it("POSTs a JSON:API event document to /api/events with the key, revision and media type", async () => {
    const result = await run("trackEvent", [sampleEvent("track")]);
    expect(result.outcomes).toEqual([{ status: "delivered" }]);
    const [request] = api.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/api/events");
    expectKlaviyoHeaders();
    expect(request?.headers["content-type"]).toBe("application/vnd.api+json");
    expect(JSON.parse(request?.rawBody ?? "")).toEqual({
      data: {
        type: "event",
        attributes: {
          properties: { plan: "pro", trial_days: 14, referrer_code: "SPRING25" },
          time: "2025-06-02T14:02:58.131Z",
          unique_id: "ajs-next-9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d",
          metric: { data: { type: "metric", attributes: { name: "Signed Up" } } },
          profile: { data: { type: "profile", attributes: { email: "ada.lovelace@example.com", external_id: "user-8271" } } },
        },
      },
    });
  });

  it("sends an order's revenue as the value, in its currency", async () => {
    await run("trackEvent", [sampleEvent("order-completed")]);
    const { data } = JSON.parse(api.requests[0]?.rawBody ?? "") as { data: { attributes: Record<string, unknown> } };
    expect(data.attributes).toMatchObject({ value: 81.78, value_currency: "GBP", unique_id: "sy-4b7e2f1a-9c3d-4e8f-a1b2-c3d4e5f6a7b8" });
    expect((data.attributes.properties as { products: unknown[] }).products).toHaveLength(2);
  });

  it("sends an event without userId or email to the anonymous profile", async () => {
    const anonymous = { ...sampleEvent("track"), userId: undefined, context: {} };
    await run("trackEvent", [anonymous]);
    const { data } = JSON.parse(api.requests[0]?.rawBody ?? "") as { data: { attributes: { profile: unknown } } };
    expect(data.attributes.profile).toEqual({ data: { type: "profile", attributes: { anonymous_id: "0d9c5e4a-7b1f-4f0e-9a3c-2b6d8e1f4a7c" } } });
  });

  it("refuses, before sending, an event whose profile has no identifier", async () => {
    const nobody = { ...sampleEvent("track"), userId: undefined, anonymousId: undefined, context: {} };
    const result = await run("trackEvent", [nobody]);
    expect(result.invalid[0]?.message).toContain("needs one of email, phone_number, external_id, anonymous_id");
    expect(api.requests).toHaveLength(0);
  });

  it("uses the revision from the settings", async () => {
    await run("trackEvent", [sampleEvent("track")], { ...SETTINGS, revision: "2026-10-15" });
    expectKlaviyoHeaders(0, "2026-10-15");
  });

  it("masks the API key in the recorded attempt", async () => {
    const result = await run("trackEvent", [sampleEvent("track")]);
    expect(result.attempts[0]?.request.headers["Authorization"]).toBe("Klaviyo-API-Key ••••");
    expect(JSON.stringify(result.attempts)).not.toContain(SETTINGS.apiKey);
  });

  it("reads a JSON:API error's detail", async () => {
    api.reply({ status: 400, body: { errors: [{ id: "e1", status: 400, code: "invalid", title: "Invalid input.", detail: "The metric name must be less than 128 characters.", source: { pointer: "/data/attributes/metric/data/attributes/name" } }] } });
    const result = await run("trackEvent", [sampleEvent("track")]);
    expect(errorOf(result.outcomes[0])).toMatchObject({ code: "REJECTED", retryable: false, message: "The destination rejected the request (HTTP 400): The metric name must be less than 128 characters." });
  });

  it.each(STANDARD_ERROR_CASES)("reads the answer: $name", async ({ reply, expected }) => {
    api.reply(reply);
    const result = await run("trackEvent", [sampleEvent("track")]);
    expect(errorOf(result.outcomes[0])).toMatchObject(expected);
  });
});

describe("Klaviyo · Create or Update Profile", () => {
  it("POSTs a profile document to /api/profile-import: identifiers, standard attributes, custom properties", async () => {
    api.reply({ status: 201, body: { data: { type: "profile", id: "01J0ABCDEF" } } });
    const result = await run("upsertProfile", [sampleEvent("identify")]);
    expect(result.outcomes).toEqual([{ status: "delivered" }]);
    const [request] = api.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/api/profile-import");
    expectKlaviyoHeaders();
    expect(request?.headers["content-type"]).toBe("application/vnd.api+json");
    expect(JSON.parse(request?.rawBody ?? "")).toEqual({
      data: {
        type: "profile",
        attributes: {
          email: "ada.lovelace@example.com",
          phone_number: "+442079460958",
          external_id: "user-8271",
          first_name: "Ada",
          last_name: "Lovelace",
          organization: "Acme Corp",
          locale: "en-GB",
          location: { timezone: "Europe/London", ip: "203.0.113.42" },
          properties: { name: "Ada Lovelace", plan: "pro", logins: 42, createdAt: "2024-03-14T09:26:53.000Z", company: { id: "acme-42", name: "Acme Corp" } },
        },
      },
    });
  });

  it("keeps a phone that is not E.164 as a custom property instead", async () => {
    const event = sampleEvent("identify");
    event.traits = { email: "ada.lovelace@example.com", phone: "020 7946 0958" };
    await run("upsertProfile", [event]);
    const { data } = JSON.parse(api.requests[0]?.rawBody ?? "") as { data: { attributes: Record<string, unknown> } };
    expect(data.attributes.phone_number).toBeUndefined();
    expect(data.attributes.properties).toEqual({ phone: "020 7946 0958" });
  });

  it("skips anonymous identifies without email or phone (trigger)", async () => {
    const anonymous = { ...sampleEvent("identify"), userId: undefined, traits: { plan: "free" } };
    const result = await run("upsertProfile", [anonymous]);
    expect(result.skipped).toEqual([{ index: 0, reason: "trigger" }]);
  });

  it("treats 200 (updated) as delivered", async () => {
    api.reply({ status: 200, body: { data: { type: "profile", id: "01J0ABCDEF" } } });
    const result = await run("upsertProfile", [sampleEvent("identify")]);
    expect(result.outcomes).toEqual([{ status: "delivered" }]);
  });

  it("a 409 (identifiers on different profiles) is final, not retried", async () => {
    api.reply({ status: 409, body: { errors: [{ id: "e2", status: 409, code: "duplicate_profile", title: "Conflict.", detail: "A profile already exists with one of these identifiers." }] } });
    const result = await run("upsertProfile", [sampleEvent("identify")]);
    expect(errorOf(result.outcomes[0])).toEqual({
      code: "REJECTED",
      retryable: false,
      status: 409,
      message: "Klaviyo could not match the profile's identifiers to one profile: A profile already exists with one of these identifiers.",
    });
  });

  it.each(STANDARD_ERROR_CASES)("reads the answer: $name", async ({ reply, expected }) => {
    api.reply(reply);
    const result = await run("upsertProfile", [sampleEvent("identify")]);
    expect(errorOf(result.outcomes[0])).toMatchObject(expected);
  });
});

describe("Klaviyo · connection test", () => {
  it("GETs /api/accounts with the key and revision", async () => {
    api.reply({ status: 200, body: { data: [{ type: "account", id: "AbC123" }] } });
    const { outcome } = await runTestConnection(klaviyo, SETTINGS, api);
    expect(outcome).toEqual({ status: "delivered" });
    expect(api.requests[0]).toMatchObject({ method: "GET", path: "/api/accounts" });
    expectKlaviyoHeaders();
  });

  it("says when the key is wrong", async () => {
    api.reply({ status: 401, body: { errors: [{ id: "e3", status: 401, code: "not_authenticated", title: "Authentication credentials were not provided.", detail: "Missing or invalid private key." }] } });
    const { outcome } = await runTestConnection(klaviyo, SETTINGS, api);
    expect(errorOf(outcome)).toMatchObject({ code: "INVALID_CREDENTIALS", retryable: false });
  });
});
