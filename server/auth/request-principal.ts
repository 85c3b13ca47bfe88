import "server-only";
import type { Db } from "../db";
import { authenticateApiToken } from "../tokens/api-token-service";
import { getAuth } from "./auth";
import type { Principal } from "./principal";

/**
 * The caller of a request: `Authorization: Bearer <API token>` when present (an invalid token is
 * anonymous, never a fallback to the cookie), else the better-auth session cookie.
 */
export async function principalOf(db: Db, headers: Headers): Promise<Principal | null> {
  const authorization = headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    const token = match ? await authenticateApiToken(db, match[1]!) : null;
    if (!token) return null;
    return { user: token.user, via: { kind: "token", tokenId: token.tokenId, name: token.name, workspaceId: token.workspaceId } };
  }
  const session = await getAuth().api.getSession({ headers });
  if (!session) return null;
  return { user: { id: session.user.id, email: session.user.email, name: session.user.name }, via: { kind: "session" } };
}
