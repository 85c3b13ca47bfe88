import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqliteTestDatabase } from "../../test/sqlite";
import type { RunningSwitchyard } from "./switchyard-server";
import { pageContentSecurityPolicy } from "./security-headers";

process.env.DATABASE_URL = createSqliteTestDatabase();

describe("security headers", () => {
  let app: RunningSwitchyard;
  beforeAll(async () => {
    const { startSwitchyard } = await import("./switchyard-server");
    app = await startSwitchyard({ port: 0, ui: false, runner: false });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("the ingest API and /healthz keep their CORS and load nothing", async () => {
    for (const response of [
      await fetch(`${app.url}/healthz`),
      await fetch(`${app.url}/v1/track`, { method: "OPTIONS", headers: { Origin: "https://shop.example", "Access-Control-Request-Method": "POST" } }),
      await fetch(`${app.url}/v1/track`, { method: "POST", body: "{}", headers: { "Content-Type": "application/json" } }),
    ]) {
      expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
    }
    const preflight = await fetch(`${app.url}/v1/track`, { method: "OPTIONS", headers: { Origin: "https://shop.example", "Access-Control-Request-Method": "POST" } });
    expect(preflight.headers.get("access-control-allow-origin")).toBe("https://shop.example");
  });

  it("pages get a script nonce and no inline or eval'd scripts", () => {
    const policy = pageContentSecurityPolicy("abc123");
    expect(policy).toContain("script-src 'self' 'nonce-abc123'");
    expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "worker-src 'self' blob:", "connect-src 'self'"]) {
      expect(policy).toContain(directive);
    }
  });
});
