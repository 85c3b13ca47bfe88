import { describe, expect, it } from "vitest";
import { clientAddress, clientProtocol, plainAddress, TrustedProxies } from "./client-address";

const proxies = new TrustedProxies(["10.0.0.0/8", "192.168.1.5", "fd00::/8", "::1"]);

describe("client address", () => {
  const table: [string, string | string[] | undefined, string, string][] = [
    // [peer, X-Forwarded-For, expected client, why]
    ["203.0.113.7", undefined, "203.0.113.7", "a direct client"],
    ["203.0.113.7", "1.2.3.4", "203.0.113.7", "a spoofed header from an untrusted peer is ignored"],
    ["::ffff:203.0.113.7", "1.2.3.4", "203.0.113.7", "IPv4 on a dual-stack socket, spoofing"],
    ["10.1.2.3", undefined, "10.1.2.3", "a trusted proxy that forwarded nothing"],
    ["10.1.2.3", "198.51.100.9", "198.51.100.9", "one trusted proxy"],
    ["::ffff:10.1.2.3", "198.51.100.9", "198.51.100.9", "a trusted proxy seen as IPv4-mapped IPv6"],
    ["10.1.2.3", "6.6.6.6, 198.51.100.9", "198.51.100.9", "the client prepended a fake address: right-most untrusted wins"],
    ["10.1.2.3", "6.6.6.6, 198.51.100.9, 192.168.1.5", "198.51.100.9", "two trusted proxies in a chain"],
    ["10.1.2.3", ["6.6.6.6", "198.51.100.9, 10.9.9.9"], "198.51.100.9", "the header repeated"],
    ["10.1.2.3", "10.2.2.2, 10.3.3.3", "10.2.2.2", "every hop trusted: the left-most"],
    ["10.1.2.3", "not-an-ip, 198.51.100.9", "198.51.100.9", "garbage left of the client is never reached"],
    ["10.1.2.3", "198.51.100.9, garbage", "10.1.2.3", "a malformed hop stops the walk"],
    ["10.1.2.3", "198.51.100.9:52100", "198.51.100.9", "an address with a port"],
    ["::1", "[2001:db8::5]:443", "2001:db8::5", "bracketed IPv6 with a port"],
    ["fd12::1", "2001:db8::7", "2001:db8::7", "an IPv6 proxy range"],
    ["192.168.1.6", "198.51.100.9", "192.168.1.6", "next to a trusted address is not trusted"],
  ];
  it.each(table)("peer %s, X-Forwarded-For %j -> %s (%s)", (peer, forwardedFor, expected) => {
    expect(clientAddress({ peer, forwardedFor }, proxies)).toBe(expected);
  });

  it("trusts nobody by default", () => {
    const none = TrustedProxies.parse(undefined);
    expect(clientAddress({ peer: "127.0.0.1", forwardedFor: "1.2.3.4" }, none)).toBe("127.0.0.1");
    expect(clientAddress({ peer: undefined }, none)).toBeNull();
  });

  it("parses the environment's list and refuses a bad entry", () => {
    expect(TrustedProxies.parse(" 127.0.0.1 , 10.0.0.0/8,").size).toBe(2);
    expect(() => TrustedProxies.parse("localhost")).toThrow(/not an IP address/);
    expect(() => TrustedProxies.parse("10.0.0.0/33")).toThrow(/prefix length/);
    expect(() => TrustedProxies.parse("10.0.0.0/x")).toThrow(/prefix length/);
  });

  it("believes X-Forwarded-Proto only from a trusted proxy", () => {
    expect(clientProtocol({ peer: "203.0.113.7", forwardedProto: "https" }, proxies, false)).toBe("http");
    expect(clientProtocol({ peer: "10.0.0.1", forwardedProto: "https" }, proxies, false)).toBe("https");
    expect(clientProtocol({ peer: "10.0.0.1", forwardedProto: "https, http" }, proxies, false)).toBe("https");
    expect(clientProtocol({ peer: "10.0.0.1", forwardedProto: "gopher" }, proxies, true)).toBe("https");
    expect(clientProtocol({ peer: "10.0.0.1" }, proxies, false)).toBe("http");
  });

  it("unwraps IPv4-mapped addresses only", () => {
    expect(plainAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(plainAddress("::ffff:abcd")).toBe("::ffff:abcd");
    expect(plainAddress("2001:db8::1")).toBe("2001:db8::1");
  });
});
