import type { Actor } from "./actor";

/** Who is calling: a signed-in user (browser session) or a user's API token (one workspace only). */
export type Principal = {
  user: { id: string; email: string; name: string };
  via: { kind: "session" } | { kind: "token"; tokenId: string; name: string; workspaceId: string };
};

export function actorOf(principal: Principal): Actor {
  return principal.via.kind === "token"
    ? { userId: principal.user.id, label: `token ${principal.via.name} (${principal.user.email})` }
    : { userId: principal.user.id, label: principal.user.email };
}
