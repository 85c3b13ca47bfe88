import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/** Sent with every answer, pages and API alike. */
export const COMMON_SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "strict-origin-when-cross-origin",
};

/** The ingest API and /healthz answer JSON only: nothing in them may load or run anything. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * The pages' policy. Scripts: this origin, and Next's inline bootstrap scripts through a
 * per-request nonce (no 'unsafe-inline', no 'unsafe-eval'). Styles allow inline ones: Monaco
 * and React inject them. Workers from this origin and blob: (Monaco's).
 */
export function pageContentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

export function setApiSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(COMMON_SECURITY_HEADERS)) res.setHeader(name, value);
  res.setHeader("Content-Security-Policy", API_CONTENT_SECURITY_POLICY);
}

/**
 * Gives a page request its nonce: on the answer's Content-Security-Policy, and on the request's
 * own `content-security-policy` header, which is where Next.js reads the nonce it puts on the
 * scripts it renders. Pages render per request (the root layout is dynamic) so every page
 * carries its request's nonce.
 */
export function setPageSecurityHeaders(req: IncomingMessage, res: ServerResponse): void {
  const policy = pageContentSecurityPolicy(randomBytes(16).toString("base64"));
  req.headers["content-security-policy"] = policy;
  for (const [name, value] of Object.entries(COMMON_SECURITY_HEADERS)) res.setHeader(name, value);
  res.setHeader("Content-Security-Policy", policy);
}
