import type { IncomingMessage, ServerResponse } from "node:http";
import type { WriteKeyResolver } from "../ingest/write-keys";
import type { SdkAsset, SdkAssets, SdkEntry } from "./sdk-assets";
import { settingsDocument } from "./settings-document";

const SETTINGS = /^\/v1\/projects\/([^/]+)\/settings\/?$/;
const SNIPPET_ENTRY = /^\/v1\/analytics-js\/snippet\/[\w:-]+\/analytics(?:\.min)?\.js$/;
const CHUNK = /^\/(v1\/analytics-js|analytics-next\/bundles)\/(?:([\w.-]+)\/)?([\w.-]+\.js)$/;

/** Versioned files never change; the entry and unversioned chunks are revalidated within minutes. */
const CACHE_IMMUTABLE = "public, max-age=31536000, immutable";
const CACHE_ENTRY = "public, max-age=300, stale-while-revalidate=3600";
const CACHE_SETTINGS = "public, max-age=60";

export type BrowserSdkRoutesOptions = {
  writeKeys: WriteKeyResolver;
  assets: SdkAssets;
  /** Where browsers reach this server (for the settings' apiHost), or null when the request does not say. */
  publicBaseUrl(req: IncomingMessage): string | null;
};

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

/** Fetched cross-origin by every site that embeds the SDK; nothing here depends on cookies. */
const PUBLIC_CORS = {
  "Access-Control-Allow-Origin": "*",
  "Cross-Origin-Resource-Policy": "cross-origin",
  "X-Content-Type-Options": "nosniff",
};

function acceptsGzip(req: IncomingMessage): boolean {
  const header = req.headers["accept-encoding"];
  if (typeof header !== "string") return false;
  return header.split(",").some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    if (coding !== "gzip" && coding !== "*") return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

function etagMatches(req: IncomingMessage, etag: string): boolean {
  const header = req.headers["if-none-match"];
  if (typeof header !== "string") return false;
  return header.split(",").some((tag) => {
    const trimmed = tag.trim();
    return trimmed === "*" || trimmed === etag || trimmed === `W/${etag}`;
  });
}

function sendAsset(req: IncomingMessage, res: ServerResponse, asset: SdkAsset, cacheControl: string): void {
  const headers: Record<string, string | number> = {
    ...PUBLIC_CORS,
    "Content-Type": "text/javascript; charset=utf-8",
    "Cache-Control": cacheControl,
    ETag: asset.etag,
    Vary: "Accept-Encoding",
  };
  if (etagMatches(req, asset.etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const gzip = acceptsGzip(req);
  const body = gzip ? asset.gzip : asset.body;
  if (gzip) headers["Content-Encoding"] = "gzip";
  headers["Content-Length"] = body.length;
  res.writeHead(200, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}

/**
 * What the published browser SDK loads besides the ingest API, served from this server so a
 * website needs nothing from a CDN: its settings document, its entry bundle and the chunks
 * that bundle loads on demand.
 */
export function createBrowserSdkRoutes(options: BrowserSdkRoutesOptions) {
  const { assets, writeKeys } = options;

  function chunkAsset(prefix: string, version: string | undefined, file: string): { asset: SdkAsset; cache: string } | null {
    if (prefix === "analytics-next/bundles" && file === "index.js" && version === undefined) {
      return { asset: assets.entry("library"), cache: CACHE_ENTRY };
    }
    if (version !== undefined && version !== assets.version) return null;
    const asset = assets.chunk(file);
    if (!asset) return null;
    return { asset, cache: version === undefined ? CACHE_ENTRY : CACHE_IMMUTABLE };
  }

  async function settings(req: IncomingMessage, res: ServerResponse, encodedKey: string): Promise<void> {
    let writeKey: string;
    try {
      writeKey = decodeURIComponent(encodedKey);
    } catch {
      return sendJson(res, 404, { error: "Unknown write key", code: "invalid_write_key" }, PUBLIC_CORS);
    }
    const source = await writeKeys.resolve(writeKey);
    if (!source || !source.enabled) {
      const error = source ? "This source is disabled" : "Unknown write key";
      return sendJson(res, 404, { error, code: source ? "source_disabled" : "invalid_write_key" }, { ...PUBLIC_CORS, "Cache-Control": "no-store" });
    }
    const base = options.publicBaseUrl(req);
    if (!base) return sendJson(res, 400, { error: "The request has no valid Host header", code: "invalid_host" }, PUBLIC_CORS);
    sendJson(res, 200, settingsDocument(writeKey, base), { ...PUBLIC_CORS, "Cache-Control": CACHE_SETTINGS, Vary: "Host, X-Forwarded-Proto" });
  }

  return {
    /** Whether this module answers the path (checked before the ingest API, which owns the rest of /v1). */
    matches(pathname: string): boolean {
      return SETTINGS.test(pathname) || pathname.startsWith("/v1/analytics-js/") || pathname.startsWith("/analytics-next/bundles/");
    },

    async handle(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
      if (req.method === "OPTIONS") {
        res.writeHead(204, { ...PUBLIC_CORS, "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS", "Access-Control-Max-Age": "86400" });
        res.end();
        return;
      }
      if (req.method !== "GET" && req.method !== "HEAD") {
        return sendJson(res, 405, { error: `${req.method} is not allowed here; send a GET`, code: "method_not_allowed" }, { ...PUBLIC_CORS, Allow: "GET, HEAD, OPTIONS" });
      }
      const settingsMatch = SETTINGS.exec(pathname);
      if (settingsMatch) return settings(req, res, settingsMatch[1]!);
      if (SNIPPET_ENTRY.test(pathname)) return sendAsset(req, res, assets.entry("standalone" satisfies SdkEntry), CACHE_ENTRY);
      const chunkMatch = CHUNK.exec(pathname);
      const found = chunkMatch ? chunkAsset(chunkMatch[1]!, chunkMatch[2], chunkMatch[3]!) : null;
      if (!found) return sendJson(res, 404, { error: `No browser SDK file at ${pathname}`, code: "not_found" }, PUBLIC_CORS);
      sendAsset(req, res, found.asset, found.cache);
    },
  };
}

export type BrowserSdkRoutes = ReturnType<typeof createBrowserSdkRoutes>;
