import "server-only";
import type { Db } from "../db";
import { authenticateApiToken } from "../tokens/api-token-service";
import { getAuth } from "./auth";
import { ownOrigins } from "./auth-options";
import type { Principal } from "./principal";

/**
 * The caller of a request: `Authorization: Bearer <API token>` when present (an invalid token is
 * anonymous, never a fallback to the cookie), else the better-auth session cookie. A cookie sent
 * by a page of another origin does not count (SameSite=Lax already keeps it off cross-site
 * requests; this also covers other origins of the same site).
 */
export async function principalOf(db: Db, headers: Headers): Promise<Principal | null> {
  const authorization = headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    const token = match ? await authenticateApiToken(db, match[1]!) : null;
    if (!token) return null;
    return { user: token.user, via: { kind: "token", tokenId: token.tokenId, name: token.name, workspaceId: token.workspaceId } };
  }
  const origin = headers.get("origin");
  if (origin && !ownOrigins().trustedOrigins.includes(origin)) return null;
  const session = await getAuth().api.getSession({ headers });
  if (!session) return null;
  return { user: { id: session.user.id, email: session.user.email, name: session.user.name }, via: { kind: "session" } };
}
