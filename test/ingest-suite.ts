import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { Analytics as SegmentAnalytics } from "@segment/analytics-node";
import { Analytics as CustomerIoAnalytics } from "@customerio/cdp-analytics-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSwitchyard } from "../server/http/switchyard-server";
import type { StoredEvent } from "../server/events/event-store";
import type { SourceService, SourceView } from "../server/sources/source-service";

type Sdk = typeof SegmentAnalytics | typeof CustomerIoAnalytics;

/**
 * The ingest API's behaviour, run against a real server on the database that the calling
 * test file configured through DATABASE_URL (SQLite or PostgreSQL).
 */
export function defineIngestSuite(label: string, enabled: boolean): void {
  describe.skipIf(!enabled)(`ingest API on ${label}`, () => {
    let app: RunningSwitchyard;
    let sources: SourceService;

    beforeAll(async () => {
      const { startSwitchyard } = await import("../server/http/switchyard-server");
      const { SourceService } = await import("../server/sources/source-service");
      const { db } = await import("../server/db");
      app = await startSwitchyard({ port: 0, ui: false, runner: false });
      sources = new SourceService(db, (await import("../server/auth/actor")).SYSTEM_ACTOR);
    });
    afterAll(async () => {
      await app?.close();
    });

    const newSource = (name: string) => sources.create(app.workspace.id, { name, kind: "node" });
    const eventsOf = async (source: SourceView) => (await app.events.list({ sourceId: source.id, limit: 1000 })).reverse();
    const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString("base64")}`;

    async function post(path: string, body: string | Buffer, headers: Record<string, string> = {}) {
      const response = await fetch(`${app.url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: typeof body === "string" ? body : new Uint8Array(body),
      });
      const text = await response.text();
      return { status: response.status, headers: response.headers, json: JSON.parse(text) as Record<string, unknown> };
    }

    /** Sends every call type with an SDK and returns what was stored, keyed by type. */
    async function sendEveryCall(Sdk: Sdk, host: string, writeKey: string) {
      const analytics = new Sdk({ writeKey, host, flushInterval: 50, maxEventsInBatch: 3, maxRetries: 5 });
      analytics.identify({ userId: "user-1", traits: { email: "ada@example.com", plan: "pro" } });
      analytics.track({ userId: "user-1", event: "Order Completed", properties: { order_id: "o-1", total: 42.5, currency: "EUR" } });
      analytics.page({ userId: "user-1", name: "Pricing", properties: { url: "https://example.com/pricing" } });
      analytics.screen({ anonymousId: "anon-1", name: "Home" });
      analytics.group({ userId: "user-1", groupId: "acme", traits: { name: "Acme" } });
      analytics.alias({ userId: "user-1", previousId: "anon-1" });
      await analytics.closeAndFlush({ timeout: 20_000 });
    }

    function expectEveryCall(stored: StoredEvent[]) {
      const byType = new Map(stored.map((e) => [e.type, e]));
      expect(stored.map((e) => e.type).sort()).toEqual(["alias", "group", "identify", "page", "screen", "track"]);
      expect(new Set(stored.map((e) => e.messageId)).size).toBe(6);
      const identify = byType.get("identify")!;
      expect(identify.userId).toBe("user-1");
      expect(identify.payload.traits).toEqual({ email: "ada@example.com", plan: "pro" });
      const track = byType.get("track")!;
      expect(track.event).toBe("Order Completed");
      expect(track.payload.properties).toEqual({ order_id: "o-1", total: 42.5, currency: "EUR" });
      expect(byType.get("page")!.event).toBe("Pricing");
      expect(byType.get("screen")!.anonymousId).toBe("anon-1");
      expect(byType.get("group")!.payload.groupId).toBe("acme");
      expect(byType.get("alias")!.payload.previousId).toBe("anon-1");
      for (const event of stored) {
        expect(event.payload.messageId).toBe(event.messageId);
        expect(typeof event.payload.receivedAt).toBe("string");
        expect(Math.abs(event.timestamp - Date.now())).toBeLessThan(60_000);
        expect((event.payload.context as { library?: { name?: string } }).library?.name).toBeTruthy();
      }
    }

    for (const [name, Sdk] of [
      ["@segment/analytics-node", SegmentAnalytics],
      ["@customerio/cdp-analytics-node", CustomerIoAnalytics],
    ] as const) {
      it(`stores every call type sent by ${name}`, async () => {
        const source = await newSource(name);
        await sendEveryCall(Sdk, app.url, source.writeKey);
        expectEveryCall(await eventsOf(source));
      });

      it(`stores each event once when ${name} retries a batch whose answer was lost`, async () => {
        const source = await newSource(`${name} retried`);
        const proxy = await failingFirstAnswerProxy(app.url);
        try {
          await sendEveryCall(Sdk, proxy.url, source.writeKey);
          expect(proxy.requests()).toBeGreaterThan(1);
        } finally {
          await proxy.close();
        }
        expectEveryCall(await eventsOf(source));
      });
    }

    it("answers 401 to an unknown, a missing, a disabled and a rotated-away write key", async () => {
      const source = await newSource("keys");
      const event = JSON.stringify({ userId: "u", event: "E" });
      expect((await post("/v1/track", event, { authorization: basic("nope") })).json).toMatchObject({ code: "invalid_write_key", error: "Unknown write key" });
      expect((await post("/v1/track", event)).status).toBe(401);
      expect((await post("/v1/track", event, { authorization: basic(source.writeKey) })).status).toBe(200);
      const rotated = await sources.rotateWriteKey(app.workspace.id, source.id);
      await new Promise((resolve) => setTimeout(resolve, 2_100)); // the write-key cache's lifetime
      expect((await post("/v1/track", event, { authorization: basic(source.writeKey) })).status).toBe(401);
      expect((await post("/v1/track", event, { authorization: basic(rotated.writeKey) })).status).toBe(200);
      await sources.setEnabled(app.workspace.id, source.id, false);
      await new Promise((resolve) => setTimeout(resolve, 2_100));
      expect((await post("/v1/track", event, { authorization: basic(rotated.writeKey) })).json).toMatchObject({ code: "source_disabled" });
      expect(await eventsOf(source)).toHaveLength(2);
    });

    describe("bad requests", () => {
      let source: SourceView;
      beforeAll(async () => {
        source = await newSource("bad requests");
      });

      const deep = (levels: number) => {
        let value: unknown = "bottom";
        for (let i = 0; i < levels; i++) value = { nested: value };
        return value;
      };
      const padding = (bytes: number) => "x".repeat(bytes);
      type Case = {
        name: string;
        path?: string;
        method?: string;
        body: string | Buffer | ((key: string) => string | Buffer);
        headers?: Record<string, string>;
        auth?: string | null;
        status: number;
        code?: string;
        error: string | RegExp;
        details?: Array<{ index?: number; field: string; message: string }>;
      };
      const json = (value: unknown) => JSON.stringify(value);
      const cases: Case[] = [
        { name: "malformed JSON", body: '{"userId": "u", "event": ', status: 400, code: "invalid_json", error: /^Body is not valid JSON: / },
        { name: "a JSON array instead of an object", body: "[]", status: 400, code: "invalid_body", error: "Body must be a JSON object" },
        { name: "an empty body", body: "", status: 400, code: "empty_body", error: "Body is empty; send a JSON object" },
        {
          name: "missing userId and anonymousId", body: json({ event: "E" }), status: 400, error: "The event is invalid and was not stored",
          details: [{ field: "userId", message: "userId or anonymousId is required" }],
        },
        {
          name: "track without event", body: json({ userId: "u" }), status: 400, error: "The event is invalid and was not stored",
          details: [{ field: "event", message: "is required for track calls" }],
        },
        {
          name: "group without groupId", path: "/v1/group", body: json({ userId: "u" }), status: 400, error: "The event is invalid and was not stored",
          details: [{ field: "groupId", message: "is required for group calls" }],
        },
        {
          name: "alias without previousId", path: "/v1/alias", body: json({ userId: "u" }), status: 400, error: "The event is invalid and was not stored",
          details: [{ field: "previousId", message: "is required for alias calls" }],
        },
        {
          name: "wrong types", body: json({ userId: { id: 1 }, anonymousId: "a", event: 7, properties: [1], timestamp: "yesterday" }), status: 400,
          error: "The event is invalid and was not stored",
          details: [
            { field: "userId", message: "must be a string" },
            { field: "event", message: "must be a string" },
            { field: "properties", message: "must be an object" },
            { field: "timestamp", message: "must be an ISO-8601 date string" },
          ],
        },
        {
          name: "an event nested 1,000 levels deep", body: json({ userId: "u", event: "E", properties: deep(1000) }), status: 400,
          error: "The event is invalid and was not stored", details: [{ field: "(event)", message: "is nested more than 64 levels deep" }],
        },
        { name: "an oversize event", body: json({ userId: "u", event: "E", properties: { blob: padding(33 * 1024) } }), status: 413, code: "payload_too_large", error: "Request body is larger than 32 KB" },
        {
          name: "an oversize batch", path: "/v1/batch", status: 413, code: "payload_too_large", error: "Request body is larger than 500 KB",
          body: json({ batch: Array.from({ length: 30 }, () => ({ type: "track", userId: "u", event: "E", properties: { blob: padding(20 * 1024) } })) }),
        },
        { name: "invalid UTF-8", body: Buffer.concat([Buffer.from('{"userId":"u","event":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]), status: 400, code: "invalid_utf8", error: "Body is not valid UTF-8" },
        { name: "corrupt gzip", body: Buffer.from("not gzip at all"), headers: { "content-encoding": "gzip" }, status: 400, code: "invalid_encoding", error: "Body is not valid gzip data" },
        { name: "an unsupported content encoding", body: "{}", headers: { "content-encoding": "br" }, status: 415, code: "unsupported_encoding", error: /Content-Encoding "br" is not supported/ },
        { name: "an unsupported content type", body: "<xml/>", headers: { "content-type": "application/xml" }, status: 415, code: "unsupported_media_type", error: /Content-Type "application\/xml" is not supported/ },
        { name: "a bad write key", body: json({ userId: "u", event: "E" }), auth: "wrong-key", status: 401, code: "invalid_write_key", error: "Unknown write key" },
        { name: "no write key", body: json({ userId: "u", event: "E" }), auth: null, status: 401, code: "missing_write_key", error: /^No write key/ },
        { name: "the wrong method", method: "GET", body: "", status: 405, code: "method_not_allowed", error: "GET is not allowed here; send a POST" },
        { name: "an unknown endpoint", path: "/v1/nothing", body: "{}", status: 404, code: "not_found", error: "No ingest endpoint at /v1/nothing" },
        { name: "a batch that is not an array", path: "/v1/batch", body: json({ batch: { type: "track" } }), status: 400, code: "invalid_batch", error: "batch must be an array of events" },
        { name: "an empty batch", path: "/v1/batch", body: json({ batch: [] }), status: 400, code: "empty_batch", error: "batch is empty" },
        {
          name: "a batch whose own context is not an object", path: "/v1/batch", body: json({ context: "web", batch: [{ type: "track", userId: "u", event: "E" }] }),
          status: 400, code: "invalid_batch", error: "The batch's own fields are invalid; no event was stored", details: [{ field: "context", message: "must be an object" }],
        },
      ];

      for (const c of cases) {
        it(`answers ${c.status} to ${c.name}`, async () => {
          const before = (await eventsOf(source)).length;
          const body = typeof c.body === "function" ? c.body(source.writeKey) : c.body;
          const auth: Record<string, string> = c.auth === null ? {} : { authorization: basic(c.auth ?? source.writeKey) };
          const response = await fetch(`${app.url}${c.path ?? "/v1/track"}`, {
            method: c.method ?? "POST",
            headers: { "content-type": "application/json", ...auth, ...c.headers },
            body: (c.method ?? "POST") === "GET" ? undefined : typeof body === "string" ? body : new Uint8Array(body),
          });
          expect(response.status).toBe(c.status);
          expect(response.headers.get("content-type")).toMatch(/^application\/json/);
          const answer = (await response.json()) as { success: boolean; error: string; code?: string; details?: unknown[] };
          expect(answer.success).toBe(false);
          if (typeof c.error === "string") expect(answer.error).toBe(c.error);
          else expect(answer.error).toMatch(c.error);
          if (c.code) expect(answer.code).toBe(c.code);
          if (c.details) expect(answer.details).toEqual(c.details);
          expect(await eventsOf(source)).toHaveLength(before);
        });
      }

      it("stores the valid events of a mixed batch and names each invalid one", async () => {
        const mixed = await newSource("mixed batch");
        const batch = [
          { type: "track", userId: "u1", event: "Good 1" },
          { type: "track", userId: "u1" },
          { type: "launch", userId: "u1" },
          { type: "identify", anonymousId: "a1", traits: { email: "a@example.com" } },
          "not an event",
          { type: "track", userId: "u1", event: "Too big", properties: { blob: padding(33 * 1024) } },
          { type: "page", userId: "u1", name: "Home" },
        ];
        const { status, json: answer } = await post("/v1/batch", JSON.stringify({ batch }), { authorization: basic(mixed.writeKey) });
        expect(status).toBe(400);
        expect(answer).toEqual({
          success: false,
          accepted: 3,
          duplicates: 0,
          error: "4 of 7 events are invalid and were not stored; the other 3 were accepted",
          details: [
            { index: 1, field: "event", message: "is required for track calls" },
            { index: 2, field: "type", message: "must be one of identify, track, page, screen, group, alias" },
            { index: 4, field: "(event)", message: "must be a JSON object" },
            { index: 5, field: "(event)", message: "is 34 KB, over the 32 KB limit" },
          ],
        });
        expect((await eventsOf(mixed)).map((e) => e.event ?? e.type)).toEqual(["Good 1", "identify", "Home"]);
      });
    });

    it("accepts what browsers send: text/plain with writeKey in the body, on the short paths, with CORS", async () => {
      const source = await newSource("browser");
      const preflight = await fetch(`${app.url}/v1/t`, {
        method: "OPTIONS",
        headers: { origin: "https://shop.example", "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get("access-control-allow-origin")).toBe("https://shop.example");
      const paths = { i: "identify", t: "track", p: "page", s: "screen", g: "group", a: "alias" } as const;
      for (const [short, type] of Object.entries(paths)) {
        const body = { writeKey: source.writeKey, userId: "u", anonymousId: "a", event: "Clicked", groupId: "g", previousId: "p", messageId: `browser-${short}` };
        const response = await post(`/v1/${short}`, JSON.stringify(body), { "content-type": "text/plain", origin: "https://shop.example" });
        expect(response.status, type).toBe(200);
        expect(response.headers.get("access-control-allow-origin")).toBe("https://shop.example");
      }
      const batch = await post("/v1/b", JSON.stringify({ writeKey: source.writeKey, batch: [{ type: "track", anonymousId: "a", event: "Batched" }] }), { "content-type": "text/plain" });
      expect(batch.json).toEqual({ success: true, accepted: 1, duplicates: 0 });
      const stored = await eventsOf(source);
      expect(stored.map((e) => e.type)).toEqual(["identify", "track", "page", "screen", "group", "alias", "track"]);
      expect(stored.every((e) => !("writeKey" in e.payload))).toBe(true);
    });

    it("accepts gzip bodies, as the Python SDK sends them", async () => {
      const source = await newSource("python");
      const body = gzipSync(JSON.stringify({ batch: [{ type: "identify", userId: "py-1", traits: { plan: "free" } }], sentAt: new Date().toISOString() }));
      const { status } = await post("/v1/batch", body, { authorization: basic(source.writeKey), "content-encoding": "gzip" });
      expect(status).toBe(200);
      expect((await eventsOf(source))[0]!.payload.traits).toEqual({ plan: "free" });
    });

    it("stamps messageId and receivedAt, corrects the device clock and applies the batch's context and integrations", async () => {
      const source = await newSource("stamps");
      // A device clock 1 hour behind: the call happened 10 s before it was sent.
      const sentAt = new Date(Date.now() - 3600_000);
      const originalTimestamp = new Date(sentAt.getTime() - 10_000);
      const before = Date.now();
      const { status } = await post(
        "/v1/batch",
        JSON.stringify({
          sentAt: sentAt.toISOString(),
          context: { library: { name: "analytics-go", version: "1.0" }, locale: "en-GB" },
          integrations: { All: false, Mixpanel: true },
          batch: [
            { type: "track", userId: "u", event: "Skewed", originalTimestamp: originalTimestamp.toISOString() },
            { type: "track", userId: "u", event: "Explicit", timestamp: "2024-05-01T12:00:00+02:00", context: { locale: "fr-FR" }, integrations: { Slack: false }, messageId: "m-explicit" },
            { type: "track", userId: 42, event: "Numeric id" },
          ],
        }),
        { authorization: basic(source.writeKey) },
      );
      expect(status).toBe(200);
      const [skewed, explicit, numeric] = await eventsOf(source);
      const receivedAt = Date.parse(skewed!.payload.receivedAt as string);
      expect(receivedAt).toBeGreaterThanOrEqual(before);
      expect(skewed!.timestamp).toBe(receivedAt - 10_000);
      expect(skewed!.payload.timestamp).toBe(new Date(receivedAt - 10_000).toISOString());
      expect(skewed!.messageId).toMatch(/^sy-[0-9a-f-]{36}$/);
      // context.ip: the connection's address, added at ingest (the events did not send one).
      expect(skewed!.payload.context).toEqual({ library: { name: "analytics-go", version: "1.0" }, locale: "en-GB", ip: "127.0.0.1" });
      expect(skewed!.payload.integrations).toEqual({ All: false, Mixpanel: true });
      expect(explicit!.payload.timestamp).toBe("2024-05-01T10:00:00.000Z");
      expect(explicit!.messageId).toBe("m-explicit");
      expect(explicit!.payload.context).toEqual({ library: { name: "analytics-go", version: "1.0" }, locale: "fr-FR", ip: "127.0.0.1" });
      expect(explicit!.payload.integrations).toEqual({ All: false, Mixpanel: true, Slack: false });
      expect(numeric!.userId).toBe("42");
      expect(numeric!.payload.userId).toBe("42");
    });

    it("dedupes on (source, messageId): within a batch, across requests, but not across sources", async () => {
      const a = await newSource("dedupe a");
      const b = await newSource("dedupe b");
      const event = { type: "track", userId: "u", event: "Once", messageId: "same-id" };
      const first = await post("/v1/batch", JSON.stringify({ batch: [event, event] }), { authorization: basic(a.writeKey) });
      expect(first.json).toEqual({ success: true, accepted: 1, duplicates: 1 });
      const again = await post("/v1/track", JSON.stringify(event), { authorization: basic(a.writeKey) });
      expect(again.json).toEqual({ success: true, accepted: 0, duplicates: 1 });
      const other = await post("/v1/track", JSON.stringify(event), { authorization: basic(b.writeKey) });
      expect(other.json).toEqual({ success: true, accepted: 1, duplicates: 0 });
      expect(await eventsOf(a)).toHaveLength(1);
      expect(await eventsOf(b)).toHaveLength(1);
    });

    it("commits concurrent requests together, losing none, in increasing positions", async () => {
      const source = await newSource("concurrent");
      const auth = { authorization: basic(source.writeKey) };
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          i % 2 === 0
            ? post("/v1/track", JSON.stringify({ userId: `u${i}`, event: "Parallel", messageId: `p-${i}` }), auth)
            : post("/v1/batch", JSON.stringify({ batch: [0, 1, 2].map((j) => ({ type: "track", userId: `u${i}`, event: "Parallel", messageId: `p-${i}-${j}` })) }), auth),
        ),
      );
      expect(answers.every((a) => a.status === 200)).toBe(true);
      const stored = await eventsOf(source);
      expect(stored).toHaveLength(100 + 300);
      const positions = stored.map((e) => e.position);
      expect([...positions].sort((x, y) => x - y)).toEqual(positions);
      const updated = await sources.get(app.workspace.id, source.id);
      expect(updated.lastEventAt).not.toBeNull();
    });
  });
}

/** A proxy whose first forwarded request gets a 503 instead of the server's answer, so the SDK retries it. */
async function failingFirstAnswerProxy(target: string) {
  let requests = 0;
  const server: Server = createServer((req, res) => {
    requests++;
    const isFirst = requests === 1;
    const upstream = httpRequest(`${target}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
      if (isFirst) {
        answer.resume();
        res.writeHead(503, { "content-type": "application/json" });
        res.end('{"error":"lost"}');
        return;
      }
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
