import { APIError } from "better-auth/api";
import type { Db } from "../db";
import { acceptInvitation, previewInvitation } from "../invitations/invitation-service";
import { adoptUnclaimedWorkspaces } from "../workspaces/workspace-service";

/** The header the sign-up form sends the invitation token in, when it signs up through a link. */
export const INVITATION_HEADER = "x-switchyard-invitation";

type HookContext = { headers?: Headers; request?: Request } | null;

function invitationTokenOf(context: HookContext): string | null {
  const headers = context?.headers ?? context?.request?.headers;
  return headers?.get(INVITATION_HEADER) || null;
}

/**
 * Sign-up is open while the installation has no account (the first one becomes admin of the
 * first workspace); afterwards only with a pending invitation.
 */
export function signUpPolicy(db: Db) {
  return {
    async before(context: HookContext): Promise<void> {
      if ((await db.user.count()) === 0) return;
      const token = invitationTokenOf(context);
      const invitation = token ? await previewInvitation(db, token) : null;
      if (!invitation) throw new APIError("FORBIDDEN", { code: "SIGN_UP_BY_INVITATION", message: "Sign-up is by invitation: ask an admin of a workspace for a link" });
      if (invitation.status !== "pending") throw new APIError("FORBIDDEN", { code: "INVITATION_NOT_PENDING", message: `This invitation is ${invitation.status}; ask an admin of the workspace for a new link` });
    },
    async after(user: { id: string; email: string }, context: HookContext): Promise<void> {
      const token = invitationTokenOf(context);
      if (token) {
        await acceptInvitation(db, token, user);
        return;
      }
      if ((await db.user.count()) === 1) await adoptUnclaimedWorkspaces(db, user);
    },
  };
}
