import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { TrustedProxies } from "../http/client-address";
import { CLIENT_IP_HEADER, stampClientIp } from "./client-ip";

function request(peer: string, headers: Record<string, string>): IncomingMessage {
  return { socket: { remoteAddress: peer }, headers: { ...headers } } as unknown as IncomingMessage;
}

describe("the client address the sign-in rate limit sees", () => {
  it("is the connection's address, whatever X-Forwarded-For or the header itself claim", () => {
    const req = request("::ffff:203.0.113.7", { "x-forwarded-for": "198.51.100.1", [CLIENT_IP_HEADER]: "192.0.2.1" });
    stampClientIp(req, new TrustedProxies([]));
    expect(req.headers[CLIENT_IP_HEADER]).toBe("203.0.113.7");
  });

  it("is the forwarded address behind a trusted proxy", () => {
    const req = request("10.0.0.2", { "x-forwarded-for": "198.51.100.9, 203.0.113.7" });
    stampClientIp(req, new TrustedProxies(["10.0.0.0/8"]));
    expect(req.headers[CLIENT_IP_HEADER]).toBe("203.0.113.7");
  });
});
