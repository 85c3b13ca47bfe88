import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import { isHostAllowed, nonPublicKind, refusalMessage, type OutboundPolicy } from "./outbound-guard";

/** A connection refused because the host resolved to a non-public address (see `nonPublicKind`). */
export class OutboundRefusedError extends Error {
  readonly name = "OutboundRefusedError";
}

/**
 * Resolves like `dns.lookup`, but fails when any address is non-public, so the connection is
 * made to an address that was checked: a DNS answer that changes between the check and the
 * connection (rebinding) cannot slip a private address in.
 */
const checkedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, "", 4);
    const refused = addresses.find(({ address }) => nonPublicKind(address) !== null);
    if (refused) return callback(new OutboundRefusedError(refusalMessage(refused.address, nonPublicKind(refused.address)!)), "", 4);
    if (options.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
    const [first] = addresses;
    if (!first) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }), "", 4);
    callback(null, first.address, first.family);
  });
};

// Checked and allowed connections never share a pool: a socket opened for an allowed host
// must not serve a workspace that does not allow it.
const agents = {
  checked: { http: new HttpAgent({ keepAlive: true, lookup: checkedLookup }), https: new HttpsAgent({ keepAlive: true, lookup: checkedLookup }) },
  allowed: { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) },
};

type PinnedInit = { method?: string; headers?: Record<string, string>; body?: string; signal?: AbortSignal };

/**
 * A fetch for destinations that connects only to public addresses, except for hosts the policy
 * allows. Answers like fetch with `redirect: "manual"`: a redirect is returned, not followed.
 * A refused connection rejects with a TypeError whose cause is an OutboundRefusedError.
 */
export function createPinnedFetch(policy: OutboundPolicy): (url: string, init?: PinnedInit) => Promise<Response> {
  return (url, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      const target = new URL(url);
      const pool = isHostAllowed(target, policy.allowedHosts) ? agents.allowed : agents.checked;
      const secure = target.protocol === "https:";
      const send = secure ? httpsRequest : httpRequest;
      const fail = (error: unknown) => reject(init.signal?.aborted ? init.signal.reason : new TypeError("fetch failed", { cause: error }));
      const req = send(target, { method: init.method ?? "GET", headers: init.headers, agent: secure ? pool.https : pool.http, signal: init.signal }, (res) => {
        readAll(res).then((body) => resolve(toResponse(res, body, init.method)), fail);
      });
      req.on("error", fail);
      req.end(init.body);
    });
}

function readAll(res: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on("data", (chunk: Buffer) => chunks.push(chunk));
    res.on("end", () => resolve(Buffer.concat(chunks)));
    res.on("error", reject);
    res.on("aborted", () => reject(new Error("The connection closed before the answer was complete")));
  });
}

function toResponse(res: IncomingMessage, body: Buffer, method = "GET"): Response {
  const status = res.statusCode ?? 0;
  if (status < 200 || status > 599) throw new Error(`The destination answered with HTTP status ${status}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
  }
  const noBody = method === "HEAD" || status === 204 || status === 205 || status === 304;
  return new Response(noBody ? null : new Uint8Array(body), { status, statusText: res.statusMessage, headers });
}
