import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import { clientProtocol, type TrustedProxies } from "./client-address";

/** SWITCHYARD_PUBLIC_URL without its trailing slash, or null when unset. Throws when it is not an http(s) URL. */
export function configuredPublicUrl(value = process.env.SWITCHYARD_PUBLIC_URL): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new Error(`SWITCHYARD_PUBLIC_URL "${trimmed}" is not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`SWITCHYARD_PUBLIC_URL must start with http:// or https://`);
  if (url.search || url.hash || url.username || url.password) throw new Error("SWITCHYARD_PUBLIC_URL takes no query, fragment or credentials");
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

const HOST_HEADER = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * Where browsers reach this server: SWITCHYARD_PUBLIC_URL when set, otherwise the request's
 * Host with the scheme the client used (X-Forwarded-Proto only from a trusted proxy).
 * Null when the Host header is missing or malformed.
 */
export function publicBaseUrl(req: IncomingMessage, trusted: TrustedProxies, configured: string | null): string | null {
  if (configured) return configured;
  const host = req.headers.host;
  if (!host || !HOST_HEADER.test(host)) return null;
  const encrypted = Boolean((req.socket as Partial<TLSSocket>).encrypted);
  const protocol = clientProtocol({ peer: req.socket.remoteAddress, forwardedProto: req.headers["x-forwarded-proto"] }, trusted, encrypted);
  return `${protocol}://${host}`;
}
