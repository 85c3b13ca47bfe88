import type { Db } from "../db";

export type IngestSource = { id: string; workspaceId: string; enabled: boolean; allowedOrigins: string[] };

/** The write key of a request: HTTP Basic user name (server SDKs) or `writeKey` in the body (browsers). */
export function writeKeyOf(authorization: string | undefined, body: unknown): string | null {
  if (authorization?.startsWith("Basic ")) {
    const decoded = Buffer.from(authorization.slice(6).trim(), "base64").toString("utf8");
    const user = decoded.split(":")[0];
    if (user) return user;
  }
  if (typeof body === "object" && body !== null && "writeKey" in body) {
    const key = (body as { writeKey: unknown }).writeKey;
    if (typeof key === "string" && key.length > 0) return key;
  }
  return null;
}

/**
 * Finds the source of a write key, remembering answers (known and unknown keys alike) for a
 * short time so the hot path does not query the database on every request, while a disabled
 * or rotated key stops working within `ttlMs` in every process.
 */
export class WriteKeyResolver {
  private readonly cache = new Map<string, { source: IngestSource | null; expires: number }>();

  constructor(
    private readonly db: Db,
    private readonly ttlMs = 2_000,
    private readonly maxEntries = 10_000,
  ) {}

  async resolve(writeKey: string): Promise<IngestSource | null> {
    const now = Date.now();
    const cached = this.cache.get(writeKey);
    if (cached && cached.expires > now) return cached.source;
    const row = await this.db.source.findUnique({
      where: { writeKey },
      select: { id: true, workspaceId: true, enabled: true, allowedOrigins: true },
    });
    const source = row ? { ...row, allowedOrigins: parseOrigins(row.allowedOrigins) } : null;
    if (this.cache.size >= this.maxEntries) this.cache.clear();
    this.cache.set(writeKey, { source, expires: now + this.ttlMs });
    return source;
  }
}

/** The allowed origins stored as a JSON array; anything unreadable counts as none. */
export function parseOrigins(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}
