import { createServer } from "node:http";
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { OutboundPolicy } from "../outbound-guard";

/**
 * The local API listens on loopback, which destinations may not reach unless allowed: tests
 * allow it explicitly, as an admin allows a host in workspace settings.
 */
export const ALLOW_LOCAL_API: OutboundPolicy = { allowedHosts: ["127.0.0.1"] };

/** A request the local API received, as a test asserts it. */
export interface RecordedRequest {
  method: string;
  /** Path and query exactly as sent, e.g. `/import?strict=1`. */
  path: string;
  pathname: string;
  query: Record<string, string>;
  /** Header names in lower case, as Node gives them. */
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** JSON bodies parsed, form bodies as an object of fields, anything else the raw text. */
  body: unknown;
}

/** One scripted answer. A non-string body is sent as JSON. */
export interface ScriptedReply {
  status?: number;
  /** Waits this long before answering (for timeouts). */
  delayMs?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface LocalApi {
  /** `http://127.0.0.1:<port>`, to use as a destination's base URL. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** How many requests it has answered so far. */
  readonly answered: number;
  /** Queues answers for the next requests, in order; once the queue is empty, the default answers. */
  reply(...replies: ScriptedReply[]): void;
  /** The answer when nothing is queued (initially 200 `{}`). */
  replyByDefault(reply: ScriptedReply): void;
  /** Forgets recorded requests, queued answers and the default answer. */
  reset(): void;
  close(): Promise<void>;
}

const OK: ScriptedReply = { status: 200, body: {} };

/**
 * Starts an HTTP server on a free local port that stands in for a destination's API: it records
 * every request and answers as the test scripts it. Nothing in a test reaches the internet.
 */
export async function startLocalApi(): Promise<LocalApi> {
  const requests: RecordedRequest[] = [];
  const queue: ScriptedReply[] = [];
  let fallback: ScriptedReply = OK;
  let answered = 0;

  const server = createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://localhost");
    requests.push({
      method: req.method ?? "",
      path: req.url ?? "/",
      pathname: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      rawBody,
      body: parseBody(rawBody, req.headers["content-type"]),
    });
    const reply = queue.shift() ?? fallback;
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    if (res.destroyed) return;
    const text = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body ?? {});
    const contentType = typeof reply.body === "string" ? "text/plain" : "application/json";
    res.writeHead(reply.status ?? 200, { "Content-Type": contentType, ...reply.headers });
    res.end(text);
    answered++;
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get answered() {
      return answered;
    },
    reply: (...replies) => queue.push(...replies),
    replyByDefault: (reply) => {
      fallback = reply;
    },
    reset: () => {
      requests.length = 0;
      answered = 0;
      queue.length = 0;
      fallback = OK;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function parseBody(raw: string, contentType: string | undefined): unknown {
  if (contentType?.startsWith("application/json")) {
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  }
  if (contentType?.startsWith("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(raw));
  return raw;
}
