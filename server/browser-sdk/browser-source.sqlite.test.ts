import { request as httpRequest } from "node:http";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqliteTestDatabase } from "../../test/sqlite";

process.env.DATABASE_URL = createSqliteTestDatabase();
// The test client on 127.0.0.1 plays a trusted proxy; one on 127.0.0.2 plays anyone else.
process.env.SWITCHYARD_TRUSTED_PROXIES = "127.0.0.1";
delete process.env.SWITCHYARD_PUBLIC_URL;
const { startSwitchyard } = await import("../http/switchyard-server");
const { SourceService } = await import("../sources/source-service");
const { SdkAssets } = await import("./sdk-assets");
const { db } = await import("../db");
const { SYSTEM_ACTOR } = await import("../auth/actor");

type App = Awaited<ReturnType<typeof startSwitchyard>>;
type Source = Awaited<ReturnType<InstanceType<typeof SourceService>["create"]>>;

let app: App;
let sources: InstanceType<typeof SourceService>;
let website: Source;
const assets = new SdkAssets();

beforeAll(async () => {
  app = await startSwitchyard({ port: 0, ui: false, runner: false });
  sources = new SourceService(db, SYSTEM_ACTOR);
  website = await sources.create(app.workspace.id, { name: "Website", kind: "javascript" });
});

afterAll(async () => {
  await app?.close();
  delete process.env.SWITCHYARD_TRUSTED_PROXIES;
});

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** A raw HTTP request, optionally from another loopback address (to be an untrusted peer). */
function send(method: string, path: string, options: { headers?: Record<string, string>; body?: string; from?: string } = {}): Promise<Answer> {
  const url = new URL(path, app.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { method, host: url.hostname, port: url.port, path: url.pathname + url.search, headers: options.headers, localAddress: options.from },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

const json = (answer: Answer) => JSON.parse(answer.body.toString("utf8")) as Record<string, unknown>;
const host = () => new URL(app.url).host;

async function storedEvents(sourceId: string) {
  return (await app.events.list({ sourceId, limit: 1000 })).reverse();
}

describe("settings document", () => {
  it("points the SDK's API host back at this server", async () => {
    const answer = await send("GET", `/v1/projects/${website.writeKey}/settings`, { headers: { origin: "http://shop.test" } });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(answer.headers["access-control-allow-origin"]).toBe("*");
    expect(answer.headers["cache-control"]).toMatch(/max-age=\d+/);
    const document = json(answer);
    expect(document.integrations).toEqual({
      "Customer.io Data Pipelines": { apiKey: website.writeKey, apiHost: `${host()}/v1`, protocol: "http" },
    });
    expect(document.metrics).toEqual({ sampleRate: 0 });
    expect(document.remotePlugins).toEqual([]);
  });

  it("says https when a trusted proxy says the client used it, and only then", async () => {
    const path = `/v1/projects/${website.writeKey}/settings`;
    const viaProxy = json(await send("GET", path, { headers: { "x-forwarded-proto": "https" } }));
    expect((viaProxy.integrations as Record<string, { protocol: string }>)["Customer.io Data Pipelines"]!.protocol).toBe("https");
    const spoofed = json(await send("GET", path, { headers: { "x-forwarded-proto": "https" }, from: "127.0.0.2" }));
    expect((spoofed.integrations as Record<string, { protocol: string }>)["Customer.io Data Pipelines"]!.protocol).toBe("http");
  });

  it("answers 404 in JSON to an unknown or disabled write key", async () => {
    const unknown = await send("GET", "/v1/projects/no-such-key/settings");
    expect(unknown.status).toBe(404);
    expect(json(unknown)).toEqual({ error: "Unknown write key", code: "invalid_write_key" });
    expect((await send("GET", "/v1/projects/%E0%A4%A/settings")).status).toBe(404);

    const disabled = await sources.create(app.workspace.id, { name: "Old site", kind: "javascript" });
    await sources.setEnabled(app.workspace.id, disabled.id, false);
    const answer = await send("GET", `/v1/projects/${disabled.writeKey}/settings`);
    expect(answer.status).toBe(404);
    expect(json(answer).code).toBe("source_disabled");
  });

  it("refuses methods other than GET and HEAD", async () => {
    const answer = await send("POST", `/v1/projects/${website.writeKey}/settings`, { body: "{}" });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe("GET, HEAD, OPTIONS");
  });
});

describe("SDK files", () => {
  const entryPath = () => `/v1/analytics-js/snippet/${website.writeKey}/analytics.min.js`;

  it("serves the entry bundle with its chunks moved to a versioned path", async () => {
    const answer = await send("GET", entryPath());
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(answer.headers["cache-control"]).toMatch(/^public, max-age=300/);
    expect(answer.headers["cross-origin-resource-policy"]).toBe("cross-origin");
    const text = answer.body.toString("utf8");
    expect(text).toContain(`+"/v1/analytics-js/${assets.version}/"`);
    expect(assets.unversioned.size).toBe(0);
    expect(text.length).toBeGreaterThan(50_000);
  });

  it("gzips for clients that accept it and answers 304 to a matching ETag", async () => {
    const plain = await send("GET", entryPath());
    const zipped = await send("GET", entryPath(), { headers: { "accept-encoding": "br, gzip;q=0.8" } });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers.vary).toContain("Accept-Encoding");
    expect(zipped.body.length).toBeLessThan(plain.body.length / 2);
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    expect((await send("GET", entryPath(), { headers: { "accept-encoding": "gzip;q=0" } })).headers["content-encoding"]).toBeUndefined();

    const etag = String(plain.headers.etag);
    const again = await send("GET", entryPath(), { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const head = await send("HEAD", entryPath());
    expect(head.status).toBe(200);
    expect(Number(head.headers["content-length"])).toBe(plain.body.length);
  });

  it("serves every chunk, immutable under its version and revalidated without one", async () => {
    const names = assets.chunkNames();
    expect(names).toEqual(expect.arrayContaining(["schemaFilter.js", "ajs-destination.js", "tsub-middleware.js"]));
    for (const name of names) {
      const versioned = await send("GET", `/v1/analytics-js/${assets.version}/${name}`);
      expect(versioned.status, name).toBe(200);
      expect(versioned.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(versioned.headers["content-type"]).toBe("text/javascript; charset=utf-8");
      const bare = await send("GET", `/v1/analytics-js/${name}`);
      expect(bare.headers["cache-control"]).toMatch(/^public, max-age=300/);
      expect(bare.body.equals(versioned.body)).toBe(true);
    }
  });

  it("serves the library build and its chunks for analytics-next style loading", async () => {
    const library = await send("GET", "/analytics-next/bundles/index.js");
    expect(library.status).toBe(200);
    expect(library.body.toString("utf8")).toContain(`+"/analytics-next/bundles/${assets.version}/"`);
    expect((await send("GET", `/analytics-next/bundles/${assets.version}/schemaFilter.js`)).status).toBe(200);
  });

  it.each([
    "/v1/analytics-js/0.0.1/schemaFilter.js",
    "/v1/analytics-js/nothing.js",
    "/v1/analytics-js/standalone.js",
    "/v1/analytics-js/..%2Fpackage.json",
    "/v1/analytics-js/../package.json",
    "/v1/analytics-js/snippet/a/b/analytics.min.js",
    "/analytics-next/bundles/0.0.1/index.js",
  ])("answers 404 in JSON at %s", async (path) => {
    const answer = await send("GET", path);
    expect(answer.status).toBe(404);
    expect(answer.headers["content-type"]).toBe("application/json; charset=utf-8");
  });
});

describe("browser-shaped ingest", () => {
  const userAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";

  it("stores a navigator.sendBeacon request: text/plain, write key in the body, no preflight", async () => {
    const source = await sources.create(app.workspace.id, { name: "Beacon", kind: "javascript" });
    const body = JSON.stringify({ writeKey: source.writeKey, anonymousId: "anon-1", event: "Left Page", context: { userAgent, page: { url: "https://shop.test/a" } } });
    const answer = await send("POST", "/v1/t", {
      body,
      headers: { "content-type": "text/plain;charset=UTF-8", origin: "https://shop.test", "sec-fetch-mode": "no-cors" },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers["access-control-allow-origin"]).toBe("https://shop.test");
    const withoutType = await send("POST", "/v1/p", { body: JSON.stringify({ writeKey: source.writeKey, anonymousId: "anon-1" }), headers: { origin: "https://shop.test" } });
    expect(withoutType.status).toBe(200);

    const [track, page] = await storedEvents(source.id);
    expect(track).toMatchObject({ type: "track", event: "Left Page", anonymousId: "anon-1" });
    expect(track!.payload.writeKey).toBeUndefined();
    expect(track!.payload.context).toMatchObject({ ip: "127.0.0.1", page: { url: "https://shop.test/a" }, userAgentData: { platform: "Linux", mobile: false } });
    expect(page).toMatchObject({ type: "page", anonymousId: "anon-1" });
  });

  it("answers a credentialed preflight (a beacon sent as a JSON Blob)", async () => {
    const answer = await send("OPTIONS", "/v1/t", {
      headers: { origin: "https://shop.test", "access-control-request-method": "POST", "access-control-request-headers": "content-type", "access-control-request-private-network": "true" },
    });
    expect(answer.status).toBe(204);
    expect(answer.headers["access-control-allow-origin"]).toBe("https://shop.test");
    expect(answer.headers["access-control-allow-credentials"]).toBe("true");
    expect(answer.headers["access-control-allow-headers"]).toBe("content-type");
    expect(answer.headers["access-control-allow-private-network"]).toBe("true");
  });

  it("refuses origins the source does not allow", async () => {
    const source = await sources.create(app.workspace.id, { name: "Allow list", kind: "javascript" });
    await sources.updateSettings(app.workspace.id, source.id, { allowedOrigins: ["https://shop.test"] });
    await new Promise((resolve) => setTimeout(resolve, 2_100)); // the write-key cache's lifetime
    const event = (origin: string) => send("POST", "/v1/t", { body: JSON.stringify({ writeKey: source.writeKey, anonymousId: "a", event: "E" }), headers: { "content-type": "text/plain", origin } });
    expect((await event("https://shop.test")).status).toBe(200);
    const refused = await event("https://evil.test");
    expect(refused.status).toBe(403);
    expect(json(refused).code).toBe("origin_not_allowed");
  });

  it("records the client address: X-Forwarded-For from a trusted proxy, the socket's otherwise", async () => {
    const source = await sources.create(app.workspace.id, { name: "Addresses", kind: "node" });
    const auth = { authorization: `Basic ${Buffer.from(`${source.writeKey}:`).toString("base64")}`, "content-type": "application/json" };
    const track = (event: string, extra: Record<string, string>, from?: string, context?: object) =>
      send("POST", "/v1/track", { body: JSON.stringify({ userId: "u", event, context }), headers: { ...auth, ...extra }, from });
    expect((await track("proxied", { "x-forwarded-for": "6.6.6.6, 198.51.100.9" })).status).toBe(200);
    expect((await track("spoofed", { "x-forwarded-for": "6.6.6.6" }, "127.0.0.2")).status).toBe(200);
    expect((await track("direct", {})).status).toBe(200);
    expect((await track("own", { "x-forwarded-for": "198.51.100.9" }, undefined, { ip: "192.0.2.1" })).status).toBe(200);
    const batch = await send("POST", "/v1/batch", {
      body: JSON.stringify({ context: { ip: "192.0.2.2" }, batch: [{ type: "track", userId: "u", event: "batched" }] }),
      headers: auth,
    });
    expect(batch.status).toBe(200);
    const ips = Object.fromEntries((await storedEvents(source.id)).map((e) => [e.event, (e.payload.context as { ip?: string }).ip]));
    expect(ips).toEqual({ proxied: "198.51.100.9", spoofed: "127.0.0.2", direct: "127.0.0.1", own: "192.0.2.1", batched: "192.0.2.2" });
  });
});

describe("demo page", () => {
  it("loads the source's snippet under its global name, with a strict CSP", async () => {
    const source = await sources.create(app.workspace.id, { name: "Shop <beta>", kind: "javascript" });
    await sources.updateSettings(app.workspace.id, source.id, { globalName: "cioanalytics" });
    const answer = await send("GET", `/demo/${source.id}`);
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toBe("text/html; charset=utf-8");
    const html = answer.body.toString("utf8");
    expect(html).toContain("Demo: Shop &lt;beta&gt;");
    expect(html).not.toContain("Shop <beta>");
    expect(html).toContain(`var name = "cioanalytics", host = "${app.url}";`);
    expect(html).toContain(`analytics.load("${source.writeKey}")`);
    const csp = String(answer.headers["content-security-policy"]);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("default-src 'none'");
    expect(html.match(/<script nonce="([^"]+)">/g)?.every((tag) => tag.includes(nonce!))).toBe(true);
    expect(String((await send("GET", `/demo/${source.id}`)).headers["content-security-policy"])).not.toContain(nonce!);
    expect(html).not.toContain("accepts events only from");
  });

  it("warns when the source's allowed origins leave this page out", async () => {
    const source = await sources.create(app.workspace.id, { name: "Locked", kind: "javascript" });
    await sources.updateSettings(app.workspace.id, source.id, { allowedOrigins: ["https://shop.example.com"] });
    const html = (await send("GET", `/demo/${source.id}`)).body.toString("utf8");
    expect(html).toContain(`accepts events only from https://shop.example.com: add ${app.url} to its allowed origins`);
    await sources.updateSettings(app.workspace.id, source.id, { allowedOrigins: ["https://shop.example.com", app.url] });
    expect((await send("GET", `/demo/${source.id}`)).body.toString("utf8")).not.toContain("accepts events only from");
  });

  it("exists for JavaScript sources only", async () => {
    const http = await sources.create(app.workspace.id, { name: "Backend", kind: "http" });
    expect((await send("GET", `/demo/${http.id}`)).status).toBe(404);
    expect((await send("GET", "/demo/no-such-source")).status).toBe(404);
    expect((await send("GET", "/demo/")).status).toBe(404);
    expect((await send("POST", `/demo/${website.id}`)).status).toBe(405);
  });
});
