import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { closedPortUrl } from "../testing/closed-port";
import { errorOf, STANDARD_ERROR_CASES } from "../testing/error-cases";
import { runAction } from "../testing/run-action";
import { sampleEvent } from "../testing/samples";
import { useLocalApi } from "../testing/use-local-api";
import { webhook } from "./index";
import { signBody } from "./signature";

const api = useLocalApi();

/** Webhook has no regions: its URL setting points at the local API itself. */
const settings = (extra: Record<string, unknown> = {}) => ({ url: `${api.url}/hooks/switchyard?team=growth`, ...extra });
const send = (events: unknown[], extra: Record<string, unknown> = {}) =>
  runAction({ destination: webhook, action: "send", settings: settings(extra), events, api });

describe("Webhook · Send", () => {
  it("POSTs the whole event as JSON to the URL, with the custom headers", async () => {
    const event = sampleEvent("track");
    const run = await send([event], { headers: { "X-Team": "growth" } });

    expect(run.outcomes).toEqual([{ status: "delivered" }]);
    expect(run.requests).toHaveLength(1);
    const [request] = run.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/hooks/switchyard?team=growth");
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.headers["x-team"]).toBe("growth");
    expect(request?.headers["x-signature"]).toBeUndefined();
    expect(request?.body).toEqual(event);
  });

  it("receives every event type by default (trigger `all`)", async () => {
    const events = (["identify", "track", "page", "screen", "group", "alias"] as const).map(sampleEvent);
    const run = await send(events);
    expect(run.skipped).toEqual([]);
    expect(run.requests.map((request) => (request.body as { type: string }).type)).toEqual(["identify", "track", "page", "screen", "group", "alias"]);
  });

  it.each(["PUT", "PATCH"])("uses %s when chosen", async (method) => {
    await send([sampleEvent("identify")], { method });
    expect(api.requests[0]?.method).toBe(method);
  });

  it("signs the exact body sent: X-Signature is the hex HMAC-SHA1 keyed with the shared secret", async () => {
    const secret = "whsec_3f9a1c7e2b";
    await send([sampleEvent("track")], { sharedSecret: secret });
    const [request] = api.requests;
    const expected = createHmac("sha1", secret).update(request?.rawBody ?? "").digest("hex");
    expect(request?.headers["x-signature"]).toBe(expected);
  });

  it("computes the signature as documented (fixed vector)", () => {
    expect(signBody('{"type":"track","event":"Signed Up"}', "whsec_3f9a1c7e2b")).toBe("80b4267a6aca16040747f67e0965d877c7a49b0f");
  });

  it("sends one request an event, in order, while batching is off", async () => {
    const events = [sampleEvent("identify"), sampleEvent("track"), sampleEvent("page")];
    const run = await send(events);
    expect(run.outcomes).toHaveLength(3);
    expect(api.requests.map((request) => request.body)).toEqual(events);
  });

  it("sends a JSON array when batching is on: 3 events → 1 request", async () => {
    const events = [sampleEvent("identify"), sampleEvent("track"), sampleEvent("page")];
    const secret = "whsec_3f9a1c7e2b";
    const run = await send(events, { batching: true, sharedSecret: secret });
    expect(run.outcomes).toEqual([{ status: "delivered" }, { status: "delivered" }, { status: "delivered" }]);
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.body).toEqual(events);
    expect(api.requests[0]?.headers["x-signature"]).toBe(signBody(api.requests[0]?.rawBody ?? "", secret));
  });

  it("splits batches at 100 events", async () => {
    const track = sampleEvent("track");
    const events = Array.from({ length: 250 }, (_, i) => ({ ...track, messageId: `m-${i}` }));
    const run = await send(events, { batching: true });
    expect(run.outcomes).toHaveLength(250);
    expect(api.requests.map((request) => (request.body as unknown[]).length)).toEqual([100, 100, 50]);
  });

  it("masks the shared secret and credential headers in the recorded attempt", async () => {
    const run = await send([sampleEvent("track")], { sharedSecret: "whsec_3f9a1c7e2b", headers: { Authorization: "Bearer tok_live_abcdef123456" } });
    const [attempt] = run.attempts;
    expect(attempt?.request.headers["Authorization"]).toBe("Bearer ••••");
    expect(JSON.stringify(attempt)).not.toContain("tok_live_abcdef123456");
    expect(attempt?.response?.status).toBe(200);
  });

  it.each(STANDARD_ERROR_CASES)("reads the answer: $name", async ({ reply, expected }) => {
    api.reply(reply);
    const run = await send([sampleEvent("track")]);
    expect(errorOf(run.outcomes[0])).toMatchObject(expected);
  });

  it("treats a redirect as a settings problem, without following it", async () => {
    api.reply({ status: 301, headers: { Location: "https://elsewhere.example.com/hook" } });
    const run = await send([sampleEvent("track")]);
    expect(errorOf(run.outcomes[0])).toMatchObject({ code: "REJECTED", retryable: false, status: 301 });
    expect(api.requests).toHaveLength(1);
  });

  it("reports an unreachable URL as retryable", async () => {
    const run = await runAction({ destination: webhook, action: "send", settings: { url: `${await closedPortUrl()}/hook` }, events: [sampleEvent("track")] });
    expect(errorOf(run.outcomes[0])).toMatchObject({ code: "NETWORK_ERROR", retryable: true });
    expect(run.attempts[0]?.response).toBeNull();
  });
});

describe("Webhook · Custom HTTP request", () => {
  const custom = (mapping: string, extra: Record<string, unknown> = {}) =>
    runAction({ destination: webhook, action: "customRequest", settings: settings(extra), events: [sampleEvent("order-completed")], api, mapping });

  it("sends the method, URL, headers and body the mapping designs, signed when a secret is set", async () => {
    const run = await custom(`{ "method": "PUT", "url": "${"$"}{URL}/users/" & userId & "/orders", "headers": { "X-Kind": "order" }, "body": { "id": properties.order_id, "email": $sha256(context.traits.email) } }`.replace("${URL}", api.url), { sharedSecret: "s3cret", headers: { "X-Team": "growth" } });
    expect(run.outcomes).toEqual([{ status: "delivered" }]);
    const [request] = run.requests;
    expect(request).toMatchObject({ method: "PUT", path: "/users/user-8271/orders" });
    expect(request?.headers["x-kind"]).toBe("order");
    expect(request?.headers["x-team"]).toBe("growth");
    expect(request?.body).toEqual({ id: "ORD-2025-000917", email: "e814ff3dc480a94c7ce9334062ec4733c75a002f4bcec0197f62ffea64059e2f" });
    expect(request?.headers["x-signature"]).toBe(signBody(request!.rawBody, "s3cret"));
  });

  it("sends GET without a body, and refuses a payload without a valid URL", async () => {
    const get = await custom(`{ "method": "GET", "url": "${api.url}/lookup?id=" & userId }`);
    expect(get.outcomes).toEqual([{ status: "delivered" }]);
    expect(get.requests[0]).toMatchObject({ method: "GET", path: "/lookup?id=user-8271", rawBody: "" });
    const invalid = await custom(`{ "method": "POST", "url": "not a url" }`);
    expect(invalid.invalid[0]?.message).toMatch(/url must be an http\(s\) URL/);
  });

  it("is not among a new webhook's actions: users add it", async () => {
    const { defaultActionsFor } = await import("../default-actions");
    expect(defaultActionsFor("webhook").map((a) => a.key)).toEqual(["send"]);
  });
});
