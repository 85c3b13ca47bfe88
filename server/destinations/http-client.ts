import { DeliveryError, finalError } from "./errors";
import { maskHeaders, maskSecretsInText } from "./masking";
import { networkError } from "./network-error";
import { checkOutboundUrl, type OutboundPolicy } from "./outbound-guard";
import { failed } from "./outcomes";
import { outcomeForResponse } from "./response-outcome";
import { truncateUtf8 } from "./truncate-utf8";
import type { DeliveryOutcome } from "./types";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface HttpRequest {
  method: HttpMethod;
  url: string;
  headers?: Record<string, string>;
  /** Sent as JSON (`Content-Type: application/json`). */
  json?: unknown;
  /** Sent form-encoded (`application/x-www-form-urlencoded`). */
  form?: Record<string, string>;
  /** Sent byte for byte (set `Content-Type` yourself), e.g. a body that is signed. */
  body?: string;
  timeoutMs?: number;
}

/** One request as the delivery log keeps it, secrets masked. */
export interface HttpAttempt {
  request: { method: HttpMethod; url: string; headers: Record<string, string>; body: string | null };
  /** Null when no answer came (network error, timeout). The body is its first 1 KB. */
  response: { status: number; headers: Record<string, string>; body: string } | null;
  durationMs: number;
  error?: string;
}

/** What the destination answered, unmasked, for actions that read per-event results. */
export interface HttpResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

export interface HttpResult {
  /** Null when no answer came. */
  response: HttpResponse | null;
  /** The shared reading of the answer (`outcomeForResponse`), or of the network failure. */
  outcome: DeliveryOutcome;
  attempt: HttpAttempt;
}

export interface HttpClient {
  request(request: HttpRequest): Promise<HttpResult>;
  /** Every attempt made through this client, oldest first. */
  readonly attempts: readonly HttpAttempt[];
  /** Masks this destination's secrets in a text, e.g. an error message built from a response. */
  mask(text: string): string;
}

export interface HttpClientOptions {
  /** Values masked wherever they appear in the recorded attempts. */
  secrets?: readonly string[];
  /** Per request unless the request says otherwise. */
  timeoutMs?: number;
  onAttempt?: (attempt: HttpAttempt) => void;
  fetch?: typeof fetch;
  /**
   * Hosts that may be reached although they resolve to private, loopback or link-local
   * addresses. Without it, no such host is (see `checkOutboundUrl`).
   */
  outbound?: OutboundPolicy;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
const RECORDED_RESPONSE_BYTES = 1024;
const RECORDED_REQUEST_BYTES = 64 * 1024;
const USER_AGENT = "Switchyard";
const NO_PRIVATE_HOSTS: OutboundPolicy = { allowedHosts: [] };

/**
 * A small fetch wrapper for destinations: sends JSON, form or raw bodies with a timeout, never
 * follows redirects (a moved endpoint is a settings problem, and a redirect would drop the
 * body), reads every answer through `outcomeForResponse`, and records each attempt with
 * secrets masked for the delivery log.
 */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const attempts: HttpAttempt[] = [];
  const secrets = options.secrets ?? [];
  const doFetch = options.fetch ?? fetch;

  async function request(req: HttpRequest): Promise<HttpResult> {
    const { headers, body } = encode(req);
    const started = performance.now();
    const recordedRequest = {
      method: req.method,
      url: maskSecretsInText(req.url, secrets),
      headers: maskHeaders(headers, secrets),
      body: body === undefined ? null : recordedBody(body, secrets),
    };
    const finish = (result: Omit<HttpResult, "attempt">, recorded: Omit<HttpAttempt, "request" | "durationMs">): HttpResult => {
      const attempt: HttpAttempt = { request: recordedRequest, ...recorded, durationMs: Math.round(performance.now() - started) };
      attempts.push(attempt);
      options.onAttempt?.(attempt);
      return { ...result, attempt };
    };

    if (!isHttpUrl(req.url)) {
      const error = finalError("SETTINGS_INVALID", `"${recordedRequest.url}" is not an http(s) URL; check this destination's settings`);
      return finish({ response: null, outcome: failed(error) }, { response: null, error: error.message });
    }

    // Checked on every request, not only when the settings were saved: DNS answers change.
    const check = await checkOutboundUrl(req.url, options.outbound ?? NO_PRIVATE_HOSTS);
    if (!check.ok) {
      const error = finalError("SETTINGS_INVALID", check.message);
      return finish({ response: null, outcome: failed(error) }, { response: null, error: error.message });
    }

    const timeoutMs = req.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    try {
      const res = await doFetch(req.url, { method: req.method, headers, body, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
      const text = await res.text();
      const response: HttpResponse = { status: res.status, headers: headerRecord(res.headers), text, json: parseJson(text) };
      const maskedText = maskSecretsInText(text, secrets);
      const recordedResponse = {
        status: res.status,
        headers: maskHeaders(response.headers, secrets),
        body: truncateUtf8(maskedText, RECORDED_RESPONSE_BYTES),
      };
      // The outcome's message quotes the body, so it is read from the masked text.
      const outcome = outcomeForResponse({ ...response, text: maskedText });
      return finish({ response, outcome }, { response: recordedResponse });
    } catch (cause) {
      const error = networkError(cause, timeoutMs);
      const masked = new DeliveryError(error.code, maskSecretsInText(error.message, secrets), error.retryable);
      return finish({ response: null, outcome: failed(masked) }, { response: null, error: masked.message });
    }
  }

  return { request, attempts, mask: (text) => maskSecretsInText(text, secrets) };
}

function encode(req: HttpRequest): { headers: Record<string, string>; body: string | undefined } {
  const headers: Record<string, string> = { "User-Agent": USER_AGENT };
  let body = req.body;
  if (req.json !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(req.json);
  } else if (req.form !== undefined) {
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(req.form).toString();
  }
  return { headers: { ...headers, ...req.headers }, body };
}

function isHttpUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

function headerRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, name) => {
    record[name.toLowerCase()] = value;
  });
  return record;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The start of a request body for the delivery log, secrets masked. Masking only the start
 * (batches can be megabytes) keeps a large batch cheap; the margin covers a secret, in any of
 * its encodings, that begins before the cut, and is dropped afterwards so that no unmasked
 * piece of a secret cut in two can remain.
 */
function recordedBody(body: string, secrets: readonly string[]): string {
  const margin = 3 * Math.max(0, ...secrets.map((secret) => secret.length));
  if (body.length <= RECORDED_REQUEST_BYTES + margin) return truncateUtf8(maskSecretsInText(body, secrets), RECORDED_REQUEST_BYTES);
  const masked = maskSecretsInText(body.slice(0, RECORDED_REQUEST_BYTES + margin), secrets);
  return truncateUtf8(masked.slice(0, masked.length - margin), RECORDED_REQUEST_BYTES);
}
