import type { IncomingMessage, ServerResponse } from "node:http";
import { IngestError } from "./errors";
import { clientAddress, TrustedProxies } from "../http/client-address";
import type { IngestService } from "./ingest-service";
import { readJsonBody } from "./read-body";
import { MAX_BATCH_BYTES, MAX_EVENT_BYTES, type EventType } from "./spec";

/** Every ingest path, with the short forms the browser SDK posts to. */
const CALLS: Record<string, EventType | "batch"> = {
  identify: "identify", i: "identify",
  track: "track", t: "track",
  page: "page", p: "page",
  screen: "screen", s: "screen",
  group: "group", g: "group",
  alias: "alias", a: "alias",
  batch: "batch", b: "batch", import: "batch",
};

/**
 * Any origin may ask; the source's allowed origins are checked once the write key is known
 * (the preflight carries no body, so no key). Credentials are allowed because
 * navigator.sendBeacon sends them, and nothing here reads cookies.
 */
function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  const headers: Record<string, string> = {
    "Access-Control-Allow-Origin": origin ?? "*",
    "Access-Control-Allow-Methods": "POST, OPTIONS",
    "Access-Control-Allow-Headers": req.headers["access-control-request-headers"] ?? "Content-Type, Authorization, Content-Encoding",
    "Access-Control-Max-Age": "86400",
    Vary: "Origin",
  };
  if (origin) headers["Access-Control-Allow-Credentials"] = "true";
  // Chrome's Private Network Access: a public site sending to a Switchyard on a private network.
  if (req.headers["access-control-request-private-network"] === "true") headers["Access-Control-Allow-Private-Network"] = "true";
  return headers;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

/** Whether the path is one the ingest API answers (everything under /v1/). */
export function isIngestPath(pathname: string): boolean {
  return pathname.startsWith("/v1/");
}

/**
 * Answers `/v1/*` on a plain Node HTTP server. Bad input always gets a 4xx with a JSON body
 * `{success: false, error, code, details}`; a 5xx means the server itself failed.
 */
export function createIngestHandler(service: IngestService, trustedProxies = new TrustedProxies([])) {
  return async function handleIngest(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const cors = corsHeaders(req);
    const call = CALLS[pathname.slice("/v1/".length).replace(/\/$/, "")];
    try {
      if (!call) throw new IngestError(404, "not_found", `No ingest endpoint at ${pathname}`);
      if (req.method === "OPTIONS") {
        res.writeHead(204, cors);
        res.end();
        return;
      }
      if (req.method !== "POST") {
        cors["Allow"] = "POST, OPTIONS";
        throw new IngestError(405, "method_not_allowed", `${req.method} is not allowed here; send a POST`);
      }
      const body = await readJsonBody(req, call === "batch" ? MAX_BATCH_BYTES : MAX_EVENT_BYTES);
      const ip = clientAddress({ peer: req.socket.remoteAddress, forwardedFor: req.headers["x-forwarded-for"] }, trustedProxies);
      const result = await service.ingest({ call, body, authorization: req.headers.authorization, origin: req.headers.origin, facts: { ip } });
      send(res, result.status, result.body, cors);
    } catch (error) {
      if (error instanceof IngestError) {
        // Stop reading a body we refused before its end, rather than buffering the rest.
        if (!req.complete) cors["Connection"] = "close";
        send(res, error.status, { success: false, error: error.message, code: error.code, details: error.details }, cors);
        if (!req.complete) req.resume();
        return;
      }
      console.error("ingest failed", error);
      send(res, 500, { success: false, error: "The event log could not be written; retry later", code: "internal" }, cors);
    }
  };
}
