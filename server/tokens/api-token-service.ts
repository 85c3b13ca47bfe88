import type { Actor } from "../auth/actor";
import { hashToken, newSecretToken } from "../auth/secret-token";
import { recordAudit } from "../audit/audit-log";
import type { Db } from "../db";
import { AppError } from "../errors";

export const API_TOKEN_PREFIX = "sy_";
/** How much of a token is kept in clear, to recognise it in a list. */
const SHOWN_PREFIX_LENGTH = API_TOKEN_PREFIX.length + 6;
/** lastUsedAt is written at most this often per token, so reads stay reads. */
const LAST_USED_RESOLUTION_MS = 60_000;

export type ApiTokenView = {
  id: string;
  name: string;
  prefix: string;
  owner: { userId: string; email: string };
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
};

/** A valid token: who it acts as, and the one workspace it acts in. */
export type TokenPrincipal = { tokenId: string; name: string; workspaceId: string; user: { id: string; email: string; name: string } };

type TokenRow = Awaited<ReturnType<Db["apiToken"]["findFirstOrThrow"]>> & { user: { email: string } };

function toView(row: TokenRow): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    owner: { userId: row.userId, email: row.user.email },
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

function cleanName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) throw new AppError("BAD_REQUEST", "A token needs a name");
  if (trimmed.length > 100) throw new AppError("BAD_REQUEST", "A token name has at most 100 characters");
  return trimmed;
}

/**
 * API tokens for the CLI and automation. A token acts as its user, with the user's current role
 * in the token's workspace; only its SHA-256 is stored and the token is shown once.
 */
export class ApiTokenService {
  constructor(private readonly db: Db, private readonly actor: Actor) {}

  async create(workspaceId: string, userId: string, name: string): Promise<{ token: string; apiToken: ApiTokenView }> {
    const token = newSecretToken(API_TOKEN_PREFIX);
    const row = await this.db.apiToken.create({
      data: { workspaceId, userId, name: cleanName(name), tokenHash: hashToken(token), prefix: token.slice(0, SHOWN_PREFIX_LENGTH) },
      include: { user: { select: { email: true } } },
    });
    await recordAudit(this.db, { workspaceId, actor: this.actor, action: "token.create", targetType: "api_token", targetId: row.id, details: { name: row.name, prefix: row.prefix } });
    return { token, apiToken: toView(row) };
  }

  /** The workspace's tokens, newest first; `userId` narrows to one user's. */
  async list(workspaceId: string, userId?: string): Promise<ApiTokenView[]> {
    const rows = await this.db.apiToken.findMany({
      where: { workspaceId, ...(userId ? { userId } : {}) },
      include: { user: { select: { email: true } } },
      orderBy: { createdAt: "desc" },
    });
    return rows.map(toView);
  }

  /** Revokes a token of the workspace; `userId` limits it to that user's own tokens. */
  async revoke(workspaceId: string, id: string, userId?: string): Promise<ApiTokenView> {
    const row = await this.db.apiToken.findFirst({ where: { id, workspaceId, ...(userId ? { userId } : {}) } });
    if (!row) throw new AppError("NOT_FOUND", "No such token in this workspace");
    if (row.revokedAt) throw new AppError("CONFLICT", "This token is already revoked");
    const revoked = await this.db.apiToken.update({ where: { id }, data: { revokedAt: new Date() }, include: { user: { select: { email: true } } } });
    await recordAudit(this.db, { workspaceId, actor: this.actor, action: "token.revoke", targetType: "api_token", targetId: id, details: { name: row.name, prefix: row.prefix } });
    return toView(revoked);
  }
}

/** The principal of a presented token, or null when it is unknown or revoked. */
export async function authenticateApiToken(db: Db, token: string): Promise<TokenPrincipal | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: { select: { id: true, email: true, name: true } } } });
  if (!row || row.revokedAt) return null;
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  return { tokenId: row.id, name: row.name, workspaceId: row.workspaceId, user: row.user };
}
