import { describe, expect, it } from "vitest";
import { createHttpClient } from "./http-client";
import { checkOutboundUrl, nonPublicKind, type LookupAll } from "./outbound-guard";
import { startLocalApi } from "./testing/local-api";

/** A resolver that answers from a table, so no test depends on real DNS. */
const lookupFrom =
  (table: Record<string, string[]>): LookupAll =>
  async (hostname) => {
    const addresses = table[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };

const noNetwork: LookupAll = async (hostname) => {
  throw new Error(`no DNS look-up expected, got one for ${hostname}`);
};

describe("nonPublicKind", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "link-local"],
    ["100.64.0.1", "shared (carrier-grade NAT)"],
    ["0.0.0.0", "unspecified"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fd12:3456::1", "private"],
    ["fe80::1", "link-local"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:a9fe:a9fe", "link-local"],
    ["::ffff:10.0.0.1", "private"],
    ["64:ff9b::10.0.0.1", "private"],
  ])("%s is %s", (address, kind) => {
    expect(nonPublicKind(address)).toBe(kind);
  });

  it.each(["93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:2800:220:1:248:1893:25c8:1946", "::ffff:93.184.216.34"])("%s is public", (address) => {
    expect(nonPublicKind(address)).toBeNull();
  });
});

describe("checkOutboundUrl", () => {
  const policy = { allowedHosts: [], lookup: lookupFrom({ "metadata.internal": ["169.254.169.254"], "rebind.example": ["93.184.216.34", "10.0.0.7"], "v6.example": ["::1"] }) };

  it.each([
    ["http://127.0.0.1:8080/hook", "127.0.0.1", "loopback"],
    ["http://10.1.2.3/hook", "10.1.2.3", "private"],
    ["http://169.254.169.254/latest/meta-data/", "169.254.169.254", "link-local"],
    ["http://[::1]:3000/", "::1", "loopback"],
    ["http://[::ffff:127.0.0.1]/", "::ffff:7f00:1", "loopback"],
    ["http://2130706433/", "127.0.0.1", "loopback"],
    ["http://0x7f.1/", "127.0.0.1", "loopback"],
    ["https://metadata.internal/computeMetadata", "169.254.169.254", "link-local"],
    ["https://rebind.example/in", "10.0.0.7", "private"],
    ["https://v6.example/in", "::1", "loopback"],
  ])("refuses %s, saying what it resolves to", async (url, address, kind) => {
    expect(await checkOutboundUrl(url, policy)).toEqual({
      ok: false,
      address,
      kind,
      message: `The URL resolves to ${address}, a ${kind} address; an admin can allow this host in workspace settings`,
    });
  });

  it("refuses localhost through the system resolver", async () => {
    const check = await checkOutboundUrl("http://localhost:9/", { allowedHosts: [] });
    expect(check).toMatchObject({ ok: false, kind: "loopback" });
  });

  it("lets an allowed host through, by name or by host:port", async () => {
    expect(await checkOutboundUrl("http://127.0.0.1:8080/hook", { allowedHosts: ["127.0.0.1"], lookup: noNetwork })).toEqual({ ok: true });
    expect(await checkOutboundUrl("http://[::1]:8080/hook", { allowedHosts: ["::1"], lookup: noNetwork })).toEqual({ ok: true });
    expect(await checkOutboundUrl("https://metadata.internal/x", { ...policy, allowedHosts: ["metadata.internal:443"] })).toEqual({ ok: true });
    expect(await checkOutboundUrl("https://metadata.internal:8443/x", { ...policy, allowedHosts: ["metadata.internal:443"] })).toMatchObject({ ok: false });
    expect(await checkOutboundUrl("http://10.1.2.3/", { allowedHosts: ["127.0.0.1"], lookup: noNetwork })).toMatchObject({ ok: false });
  });

  it("passes a public IP literal without any look-up, and a public host name", async () => {
    expect(await checkOutboundUrl("https://93.184.216.34/in", { allowedHosts: [], lookup: noNetwork })).toEqual({ ok: true });
    expect(await checkOutboundUrl("https://api.example.com/in", { allowedHosts: [], lookup: lookupFrom({ "api.example.com": ["93.184.216.34"] }) })).toEqual({ ok: true });
  });
});

describe("sending", () => {
  it("refuses at send time, as a final error, a request to a host that is not allowed, and sends nothing", async () => {
    const api = await startLocalApi();
    try {
      const http = createHttpClient();
      const result = await http.request({ method: "POST", url: `${api.url}/hook`, json: { a: 1 } });
      expect(result.outcome).toEqual({
        status: "failed",
        error: expect.objectContaining({
          code: "SETTINGS_INVALID",
          retryable: false,
          message: "The URL resolves to 127.0.0.1, a loopback address; an admin can allow this host in workspace settings",
        }),
      });
      expect(api.requests).toHaveLength(0);
      expect(http.attempts[0]).toMatchObject({ response: null, error: expect.stringMatching(/loopback address/) });

      const allowed = createHttpClient({ outbound: { allowedHosts: ["127.0.0.1"] } });
      expect((await allowed.request({ method: "POST", url: `${api.url}/hook`, json: { a: 1 } })).outcome).toEqual({ status: "delivered" });
      expect(api.requests).toHaveLength(1);
    } finally {
      await api.close();
    }
  });
});
