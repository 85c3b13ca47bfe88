import type { Actor } from "../auth/actor";
import { isRole, type Role } from "../auth/roles";
import { hashToken, newSecretToken } from "../auth/secret-token";
import { recordAudit } from "../audit/audit-log";
import type { Db } from "../db";
import { AppError } from "../errors";

export const INVITATION_TTL_DAYS = 7;
const INVITATION_PREFIX = "syi_";

export type InvitationStatus = "pending" | "accepted" | "revoked" | "expired";

export type InvitationView = {
  id: string;
  role: Role;
  status: InvitationStatus;
  expiresAt: string;
  createdAt: string;
  acceptedBy: string | null;
};

/** What someone holding an invitation link may see before joining. */
export type InvitationPreview = { workspaceId: string; workspaceName: string; role: Role; status: InvitationStatus };

type InvitationRow = Awaited<ReturnType<Db["invitation"]["findFirstOrThrow"]>>;

function statusOf(row: InvitationRow, now = new Date()): InvitationStatus {
  if (row.revokedAt) return "revoked";
  if (row.acceptedAt) return "accepted";
  if (row.expiresAt <= now) return "expired";
  return "pending";
}

function roleOfRow(row: InvitationRow): Role {
  return isRole(row.role) ? row.role : "viewer";
}

/** Links that let someone join a workspace with a role. Only a hash of each link's token is kept. */
export class InvitationService {
  constructor(private readonly db: Db, private readonly actor: Actor) {}

  /** Makes an invitation; the token is returned this once and never again. */
  async create(workspaceId: string, role: Role): Promise<{ invitation: InvitationView; token: string }> {
    const token = newSecretToken(INVITATION_PREFIX);
    const row = await this.db.invitation.create({
      data: {
        workspaceId,
        role,
        tokenHash: hashToken(token),
        invitedById: this.actor.userId,
        expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 24 * 3600 * 1000),
      },
    });
    await recordAudit(this.db, { workspaceId, actor: this.actor, action: "invitation.create", targetType: "invitation", targetId: row.id, details: { role } });
    return { invitation: await this.view(row), token };
  }

  async list(workspaceId: string): Promise<InvitationView[]> {
    const rows = await this.db.invitation.findMany({ where: { workspaceId }, orderBy: { createdAt: "desc" }, take: 200 });
    return Promise.all(rows.map((row) => this.view(row)));
  }

  async revoke(workspaceId: string, id: string): Promise<InvitationView> {
    const row = await this.db.invitation.findFirst({ where: { id, workspaceId } });
    if (!row) throw new AppError("NOT_FOUND", "No such invitation in this workspace");
    if (statusOf(row) !== "pending") throw new AppError("CONFLICT", `This invitation is already ${statusOf(row)}`);
    const revoked = await this.db.invitation.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAudit(this.db, { workspaceId, actor: this.actor, action: "invitation.revoke", targetType: "invitation", targetId: id, details: { role: row.role } });
    return this.view(revoked);
  }

  private async view(row: InvitationRow): Promise<InvitationView> {
    const acceptedBy = row.acceptedById ? ((await this.db.user.findUnique({ where: { id: row.acceptedById }, select: { email: true } }))?.email ?? null) : null;
    return { id: row.id, role: roleOfRow(row), status: statusOf(row), expiresAt: row.expiresAt.toISOString(), createdAt: row.createdAt.toISOString(), acceptedBy };
  }
}

/** The workspace and role an invitation link offers, or null for a link that never existed. */
export async function previewInvitation(db: Db, token: string): Promise<InvitationPreview | null> {
  const row = await db.invitation.findUnique({ where: { tokenHash: hashToken(token) }, include: { workspace: { select: { id: true, name: true } } } });
  if (!row) return null;
  return { workspaceId: row.workspace.id, workspaceName: row.workspace.name, role: roleOfRow(row), status: statusOf(row) };
}

/**
 * Makes the user a member with the invitation's role and uses the invitation up. A user who is
 * already a member keeps their role and the invitation stays usable for someone else.
 */
export async function acceptInvitation(db: Db, token: string, user: { id: string; email: string }): Promise<{ workspaceId: string; role: Role }> {
  const row = await db.invitation.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row) throw new AppError("NOT_FOUND", "This invitation link is not valid");
  const status = statusOf(row);
  if (status !== "pending") throw new AppError("CONFLICT", `This invitation is ${status}; ask an admin of the workspace for a new link`);
  const existing = await db.membership.findUnique({ where: { workspaceId_userId: { workspaceId: row.workspaceId, userId: user.id } } });
  if (existing && isRole(existing.role)) return { workspaceId: row.workspaceId, role: existing.role };
  // Claim the invitation first, so two people opening one link cannot both join.
  const claimed = await db.invitation.updateMany({
    where: { id: row.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    data: { acceptedAt: new Date(), acceptedById: user.id },
  });
  if (claimed.count !== 1) throw new AppError("CONFLICT", "This invitation has just been used; ask an admin of the workspace for a new link");
  const role = roleOfRow(row);
  await db.membership.create({ data: { workspaceId: row.workspaceId, userId: user.id, role } });
  await recordAudit(db, {
    workspaceId: row.workspaceId,
    actor: { userId: user.id, label: user.email },
    action: "member.join",
    targetType: "user",
    targetId: user.id,
    details: { email: user.email, role, invitationId: row.id },
  });
  return { workspaceId: row.workspaceId, role };
}
