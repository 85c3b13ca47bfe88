import { BlockList, isIP } from "node:net";

/** "::ffff:10.0.0.1" (an IPv4 peer on a dual-stack socket) as "10.0.0.1"; anything else unchanged. */
export function plainAddress(address: string): string {
  const trimmed = address.trim();
  return trimmed.toLowerCase().startsWith("::ffff:") && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
}

/**
 * The proxies whose forwarding headers (X-Forwarded-For, X-Forwarded-Proto) are believed:
 * single addresses and CIDR ranges, IPv4 or IPv6. Nobody is trusted by default, so a client
 * cannot choose the address recorded for it.
 */
export class TrustedProxies {
  private readonly list = new BlockList();
  /** BlockList.check costs microseconds; the peers that matter (the proxies) are few. */
  private readonly answers = new Map<string, boolean>();
  readonly size: number;

  constructor(entries: readonly string[]) {
    for (const entry of entries) {
      const [address, bits] = entry.split("/");
      const plain = plainAddress(address ?? "");
      const family = isIP(plain);
      if (family === 0) throw new Error(`Trusted proxy "${entry}" is not an IP address or CIDR range`);
      const type = family === 4 ? "ipv4" : "ipv6";
      if (bits === undefined) {
        this.list.addAddress(plain, type);
        continue;
      }
      const prefix = Number(bits);
      if (!/^\d+$/.test(bits) || prefix > (family === 4 ? 32 : 128)) throw new Error(`Trusted proxy "${entry}" has an invalid prefix length`);
      this.list.addSubnet(plain, prefix, type);
    }
    this.size = entries.length;
  }

  /** From a comma-separated list such as SWITCHYARD_TRUSTED_PROXIES="10.0.0.0/8, ::1". */
  static parse(value: string | undefined): TrustedProxies {
    const entries = (value ?? "").split(",").map((entry) => entry.trim()).filter((entry) => entry.length > 0);
    return new TrustedProxies(entries);
  }

  trusts(address: string): boolean {
    if (this.size === 0) return false;
    const known = this.answers.get(address);
    if (known !== undefined) return known;
    const plain = plainAddress(address);
    const family = isIP(plain);
    const trusted = family !== 0 && this.list.check(plain, family === 4 ? "ipv4" : "ipv6");
    if (this.answers.size >= 10_000) this.answers.clear();
    this.answers.set(address, trusted);
    return trusted;
  }
}

export type ConnectionFacts = {
  /** The socket's peer address (req.socket.remoteAddress). */
  peer: string | undefined;
  forwardedFor?: string | string[] | undefined;
  forwardedProto?: string | string[] | undefined;
};

function headerValues(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value.join(",") : value).split(",").map((part) => part.trim()).filter((part) => part.length > 0);
}

/** An X-Forwarded-For entry without its port or IPv6 brackets, or null when it is not an address. */
function forwardedAddress(entry: string): string | null {
  let candidate = entry;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(candidate);
  if (bracketed) candidate = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(candidate)) candidate = candidate.slice(0, candidate.lastIndexOf(":"));
  const plain = plainAddress(candidate);
  return isIP(plain) === 0 ? null : plain;
}

/**
 * The client's address: the socket peer, unless the peer is a trusted proxy; then the
 * right-most X-Forwarded-For address that is not itself a trusted proxy (entries to its left
 * were written by the client and could say anything).
 */
export function clientAddress(facts: ConnectionFacts, trusted: TrustedProxies): string | null {
  if (!facts.peer) return null;
  const peer = plainAddress(facts.peer);
  if (!trusted.trusts(peer)) return peer;
  const chain = headerValues(facts.forwardedFor);
  let client = peer;
  for (let i = chain.length - 1; i >= 0; i--) {
    const address = forwardedAddress(chain[i]!);
    if (address === null) break; // a malformed hop: stop believing what lies beyond it
    client = address;
    if (!trusted.trusts(address)) break;
  }
  return client;
}

/** "https" or "http" as the client used it: X-Forwarded-Proto only from a trusted proxy. */
export function clientProtocol(facts: ConnectionFacts, trusted: TrustedProxies, encrypted: boolean): "http" | "https" {
  const own = encrypted ? "https" : "http";
  if (!facts.peer || !trusted.trusts(facts.peer)) return own;
  const first = headerValues(facts.forwardedProto)[0]?.toLowerCase();
  return first === "https" || first === "http" ? first : own;
}

/** SWITCHYARD_TRUSTED_PROXIES; throws at start-up on an entry that is not an address or range. */
export function trustedProxiesFromEnv(): TrustedProxies {
  return TrustedProxies.parse(process.env.SWITCHYARD_TRUSTED_PROXIES);
}
