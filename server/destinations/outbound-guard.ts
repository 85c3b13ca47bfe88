import { lookup as dnsLookup } from "node:dns/promises";
import { BlockList, isIPv4, isIPv6 } from "node:net";

export type ResolvedAddress = { address: string; family: number };
/** Resolves a host name to every address it has (as `dns.lookup` with `all: true`). */
export type LookupAll = (hostname: string) => Promise<ResolvedAddress[]>;

/**
 * Which hosts a destination may reach although they resolve to private, loopback or link-local
 * addresses: the workspace's `allowedPrivateHosts` (host names or `host:port`, as typed in URLs).
 */
export type OutboundPolicy = { allowedHosts: readonly string[]; lookup?: LookupAll };

export type OutboundCheck = { ok: true } | { ok: false; address: string; kind: string; message: string };

const defaultLookup: LookupAll = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

const ipv4Ranges: Array<[string, number, string]> = [
  ["0.0.0.0", 8, "unspecified"],
  ["10.0.0.0", 8, "private"],
  ["100.64.0.0", 10, "shared (carrier-grade NAT)"],
  ["127.0.0.0", 8, "loopback"],
  ["169.254.0.0", 16, "link-local"],
  ["172.16.0.0", 12, "private"],
  ["192.0.0.0", 24, "reserved"],
  ["192.168.0.0", 16, "private"],
  ["198.18.0.0", 15, "reserved"],
  ["224.0.0.0", 4, "multicast"],
  ["240.0.0.0", 4, "reserved"],
];
const ipv6Ranges: Array<[string, number, string]> = [
  ["::", 128, "unspecified"],
  ["::1", 128, "loopback"],
  ["fc00::", 7, "private"],
  ["fe80::", 10, "link-local"],
  ["ff00::", 8, "multicast"],
];

const blocks = new Map<string, BlockList>();
for (const [network, prefix, kind] of ipv4Ranges) blockFor(kind).addSubnet(network, prefix, "ipv4");
for (const [network, prefix, kind] of ipv6Ranges) blockFor(kind).addSubnet(network, prefix, "ipv6");

function blockFor(kind: string): BlockList {
  let list = blocks.get(kind);
  if (!list) blocks.set(kind, (list = new BlockList()));
  return list;
}

/**
 * What kind of non-public address this is ("loopback", "private", "link-local"...), or null for
 * a public one. IPv6 forms that carry an IPv4 address (mapped `::ffff:a.b.c.d`, compatible
 * `::a.b.c.d`, NAT64 `64:ff9b::a.b.c.d`) are judged by that address.
 */
export function nonPublicKind(address: string): string | null {
  const ip = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const family = isIPv4(ip) ? "ipv4" : isIPv6(ip) ? "ipv6" : null;
  if (!family) return null;
  if (family === "ipv6") {
    const embedded = embeddedIPv4(ip);
    if (embedded) return nonPublicKind(embedded);
  }
  for (const [kind, list] of blocks) if (list.check(ip, family)) return kind;
  return null;
}

/** The IPv4 address inside an IPv4-mapped, IPv4-compatible or NAT64 IPv6 address. */
function embeddedIPv4(ip: string): string | null {
  const bytes = ipv6Bytes(ip);
  if (!bytes) return null;
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
  const mapped = zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff;
  const compatible = zeros(0, 12) && !zeros(12, 14); // not :: or ::1
  const nat64 = bytes[0] === 0x00 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zeros(4, 12);
  return mapped || compatible || nat64 ? bytes.slice(12).join(".") : null;
}

function ipv6Bytes(ip: string): number[] | null {
  let text = ip.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split(".").map(Number);
    text = `${text.slice(0, dotted.index)}${((a! << 8) | b!).toString(16)}:${((c! << 8) | d!).toString(16)}`;
  }
  const [head, tail] = text.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  if (text.includes("::") ? missing < 0 : missing !== 0) return null;
  const groups = [...headGroups, ...Array<string>(text.includes("::") ? missing : 0).fill("0"), ...tailGroups];
  return groups.flatMap((group) => {
    const value = parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
}

function isAllowed(url: URL, allowedHosts: readonly string[]): boolean {
  const host = url.hostname.toLowerCase();
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  return allowedHosts.some((entry) => {
    const allowed = entry.trim().toLowerCase();
    return allowed === host || allowed === `${host}:${port}` || `[${allowed}]` === host;
  });
}

function refusal(address: string, kind: string): OutboundCheck {
  return {
    ok: false,
    address,
    kind,
    message: `The URL resolves to ${address}, a ${kind} address; an admin can allow this host in workspace settings`,
  };
}

/**
 * Whether a destination may send to this URL: refused when its host is, or resolves to, a
 * private, loopback, link-local or otherwise non-public address, unless the policy allows the
 * host. A host that does not resolve passes (sending to it fails on its own).
 */
export async function checkOutboundUrl(url: string, policy: OutboundPolicy): Promise<OutboundCheck> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: true };
  }
  if (isAllowed(parsed, policy.allowedHosts)) return { ok: true };
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  if (isIPv4(host) || isIPv6(host)) {
    const kind = nonPublicKind(host);
    return kind ? refusal(host, kind) : { ok: true };
  }
  let addresses: ResolvedAddress[];
  try {
    addresses = await (policy.lookup ?? defaultLookup)(host);
  } catch {
    return { ok: true };
  }
  for (const { address } of addresses) {
    const kind = nonPublicKind(address);
    if (kind) return refusal(address, kind);
  }
  return { ok: true };
}

/** Parses the stored `allowedPrivateHosts` JSON; anything unreadable allows nothing. */
export function parseAllowedHosts(json: string | null | undefined): string[] {
  try {
    const value: unknown = JSON.parse(json ?? "[]");
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}
