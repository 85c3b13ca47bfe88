import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Db } from "../db";
import { parseSourceSettings } from "../sources/source-settings";
import { parseOrigins } from "../ingest/write-keys";
import { demoPageCsp, renderDemoPage } from "./demo-page";

const DEMO = /^\/demo\/([A-Za-z0-9_-]{1,64})\/?$/;

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...headers, "Content-Type": "text/plain; charset=utf-8", "Content-Length": Buffer.byteLength(text), "Cache-Control": "no-store" });
  res.end(text);
}

/** `/demo/{sourceId}`: the demo page of a JavaScript source; 404 for any other source. */
export function createDemoRoute(options: { db: Db; publicBaseUrl(req: IncomingMessage): string | null }) {
  return {
    matches(pathname: string): boolean {
      return pathname.startsWith("/demo/");
    },

    async handle(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
      if (req.method !== "GET" && req.method !== "HEAD") return sendText(res, 405, "Method not allowed", { Allow: "GET, HEAD" });
      const id = DEMO.exec(pathname)?.[1];
      const source = id ? await options.db.source.findUnique({ where: { id } }) : null;
      if (!source || source.kind !== "javascript") return sendText(res, 404, "No JavaScript source here: demo pages exist for JavaScript sources only.");
      const base = options.publicBaseUrl(req);
      if (!base) return sendText(res, 400, "The request has no valid Host header");
      const nonce = randomBytes(16).toString("base64");
      const page = renderDemoPage(
        { id: source.id, workspaceId: source.workspaceId, name: source.name, writeKey: source.writeKey, enabled: source.enabled, globalName: parseSourceSettings(source.settings).globalName, allowedOrigins: parseOrigins(source.allowedOrigins) },
        base,
        nonce,
      );
      res.writeHead(200, {
        "Content-Type": "text/html; charset=utf-8",
        "Content-Length": Buffer.byteLength(page),
        "Cache-Control": "no-store",
        "Content-Security-Policy": demoPageCsp(base, nonce),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
      });
      res.end(req.method === "HEAD" ? undefined : page);
    },
  };
}
