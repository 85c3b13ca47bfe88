import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { TrustedProxies } from "./client-address";
import { configuredPublicUrl, publicBaseUrl } from "./public-url";

function request(host: string | undefined, peer: string, proto?: string): IncomingMessage {
  return { headers: { host, "x-forwarded-proto": proto }, socket: { remoteAddress: peer } } as unknown as IncomingMessage;
}

describe("public URL", () => {
  const proxies = new TrustedProxies(["10.0.0.1"]);

  it("takes SWITCHYARD_PUBLIC_URL when set, without a trailing slash", () => {
    expect(configuredPublicUrl("https://cdp.example.com/")).toBe("https://cdp.example.com");
    expect(configuredPublicUrl("https://example.com/cdp/")).toBe("https://example.com/cdp");
    expect(configuredPublicUrl("")).toBeNull();
    expect(configuredPublicUrl(undefined)).toBeNull();
    expect(() => configuredPublicUrl("cdp.example.com")).toThrow(/not a URL/);
    expect(() => configuredPublicUrl("ftp://cdp.example.com")).toThrow(/http/);
    expect(publicBaseUrl(request("evil.example", "1.1.1.1"), proxies, "https://cdp.example.com")).toBe("https://cdp.example.com");
  });

  it("otherwise uses the Host header, and X-Forwarded-Proto from a trusted proxy only", () => {
    expect(publicBaseUrl(request("localhost:3000", "127.0.0.1"), proxies, null)).toBe("http://localhost:3000");
    expect(publicBaseUrl(request("cdp.example.com", "127.0.0.1", "https"), proxies, null)).toBe("http://cdp.example.com");
    expect(publicBaseUrl(request("cdp.example.com", "10.0.0.1", "https"), proxies, null)).toBe("https://cdp.example.com");
    expect(publicBaseUrl(request("[::1]:3000", "::1"), proxies, null)).toBe("http://[::1]:3000");
  });

  it.each([undefined, "", "a b", "evil.example/path", "x:y:z", "host:port"])("refuses the Host header %j", (host) => {
    expect(publicBaseUrl(request(host, "127.0.0.1"), proxies, null)).toBeNull();
  });
});
