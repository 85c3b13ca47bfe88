import { describe, expect, it } from "vitest";
import { createHttpClient } from "./http-client";
import type { HttpAttempt } from "./http-client";
import { closedPortUrl } from "./testing/closed-port";
import { ALLOW_LOCAL_API, startLocalApi } from "./testing/local-api";
import { useLocalApi } from "./testing/use-local-api";

const api = useLocalApi();

const SECRET = "sk_live_5f4e3d2c1b0a9f8e";

describe("createHttpClient", () => {
  it("sends JSON with its content type and a User-Agent", async () => {
    const http = createHttpClient({ outbound: ALLOW_LOCAL_API });
    const result = await http.request({ method: "POST", url: `${api.url}/events`, json: { a: 1 } });
    expect(result.outcome).toEqual({ status: "delivered" });
    expect(api.requests[0]).toMatchObject({ method: "POST", path: "/events", rawBody: '{"a":1}', body: { a: 1 } });
    expect(api.requests[0]?.headers["content-type"]).toBe("application/json");
    expect(api.requests[0]?.headers["user-agent"]).toBe("Switchyard");
  });

  it("sends a form body", async () => {
    await createHttpClient({ outbound: ALLOW_LOCAL_API }).request({ method: "POST", url: `${api.url}/form`, form: { a: "1", b: "x y" } });
    expect(api.requests[0]?.rawBody).toBe("a=1&b=x+y");
    expect(api.requests[0]?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
  });

  it("gives actions the answer unmasked, parsed when JSON", async () => {
    api.reply({ status: 202, headers: { "X-Request-Id": "r-1" }, body: { accepted: 3 } });
    const result = await createHttpClient({ outbound: ALLOW_LOCAL_API }).request({ method: "GET", url: `${api.url}/status` });
    expect(result.response).toMatchObject({ status: 202, json: { accepted: 3 }, text: '{"accepted":3}' });
    expect(result.response?.headers["x-request-id"]).toBe("r-1");
  });

  it("records each attempt with secrets masked in URL, headers, body and response", async () => {
    const seen: HttpAttempt[] = [];
    const http = createHttpClient({ outbound: ALLOW_LOCAL_API, secrets: [SECRET], onAttempt: (attempt) => seen.push(attempt) });
    api.reply({ status: 400, body: { error: `bad key ${SECRET}` } });
    const result = await http.request({
      method: "POST",
      url: `${api.url}/collect?api_secret=${SECRET}`,
      headers: { "X-Key-Hint": SECRET, Authorization: `Bearer ${SECRET}` },
      json: { api_key: SECRET },
    });
    expect(http.attempts).toHaveLength(1);
    expect(seen).toEqual(http.attempts);
    const [attempt] = http.attempts;
    expect(JSON.stringify(attempt)).not.toContain(SECRET);
    expect(attempt?.request).toMatchObject({
      method: "POST",
      url: `${api.url}/collect?api_secret=••••9f8e`,
      body: '{"api_key":"••••9f8e"}',
    });
    expect(attempt?.request.headers).toMatchObject({ Authorization: "Bearer ••••", "X-Key-Hint": "••••9f8e" });
    expect(attempt?.response).toMatchObject({ status: 400, body: '{"error":"bad key ••••9f8e"}' });
    expect(result.outcome.status === "failed" && result.outcome.error.message).toBe("The destination rejected the request (HTTP 400): bad key ••••9f8e");
    expect(attempt?.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("keeps the first 1 KB of a response body in the record", async () => {
    api.reply({ status: 500, body: "é".repeat(2_000) });
    const http = createHttpClient({ outbound: ALLOW_LOCAL_API });
    await http.request({ method: "GET", url: `${api.url}/big` });
    const body = http.attempts[0]?.response?.body ?? "";
    expect(body.startsWith("é".repeat(512))).toBe(true);
    expect(body).toContain("(4000 bytes in all)");
    expect(Buffer.byteLength(body.split("…")[0] ?? "")).toBeLessThanOrEqual(1024);
  });

  it("gives up after the timeout, as a retryable failure", async () => {
    api.reply({ status: 200, delayMs: 500 });
    const http = createHttpClient({ outbound: ALLOW_LOCAL_API, timeoutMs: 50 });
    const result = await http.request({ method: "GET", url: `${api.url}/slow` });
    expect(result.response).toBeNull();
    expect(result.outcome).toMatchObject({ status: "failed", error: { code: "TIMEOUT", retryable: true, message: "The destination did not answer within 0.05 s" } });
    expect(http.attempts[0]).toMatchObject({ response: null, error: "The destination did not answer within 0.05 s" });
  });

  it("reports a refused connection as retryable, naming the reason", async () => {
    const result = await createHttpClient({ outbound: ALLOW_LOCAL_API }).request({ method: "GET", url: await closedPortUrl() });
    expect(result.outcome).toMatchObject({ status: "failed", error: { code: "NETWORK_ERROR", retryable: true } });
    expect(result.outcome.status === "failed" && result.outcome.error.message).toMatch(/^Could not reach the destination: ECONNREFUSED/);
  });

  it("refuses a URL that is not http(s) without sending anything", async () => {
    const http = createHttpClient({ outbound: ALLOW_LOCAL_API, secrets: ["tok_abc"] });
    const result = await http.request({ method: "POST", url: "ftp://files.example.com/tok_abc" });
    expect(result.outcome).toMatchObject({ status: "failed", error: { code: "SETTINGS_INVALID", retryable: false } });
    expect(JSON.stringify(http.attempts)).not.toContain("tok_abc");
  });
});

describe("the recorded request body of a large batch", () => {
  it("masks every secret in its first 64 KB, even one cut in two at the end, and stays within 64 KB", async () => {
    const api = await startLocalApi();
    try {
      const secret = "s3cr3t-token-ABCDEFGH";
      // Fill the body so that one copy of the secret straddles the 64 KB cut.
      const filler = "x".repeat(64 * 1024 - 20);
      const http = createHttpClient({ outbound: ALLOW_LOCAL_API, secrets: [secret] });
      await http.request({ method: "POST", url: `${api.url}/in`, body: `${secret}${filler}${secret}${"y".repeat(200_000)}`, headers: { "Content-Type": "text/plain" } });
      const recorded = http.attempts[0]!.request.body!;
      expect(Buffer.byteLength(recorded)).toBeLessThanOrEqual(64 * 1024);
      expect(recorded).not.toContain("s3cr3t");
      expect(recorded).not.toContain("ABCDEFGH");
      expect(recorded.startsWith("••••")).toBe(true);
    } finally {
      await api.close();
    }
  });
});
