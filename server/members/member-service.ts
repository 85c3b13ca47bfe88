import type { Actor } from "../auth/actor";
import { isRole, type Role } from "../auth/roles";
import { recordAudit } from "../audit/audit-log";
import type { Db } from "../db";
import { AppError } from "../errors";

export type MemberView = { userId: string; email: string; name: string; role: Role; joinedAt: string };

/** The role of a user in a workspace, or null when they are not a member. */
export async function roleOf(db: Db, workspaceId: string, userId: string): Promise<Role | null> {
  const membership = await db.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } }, select: { role: true } });
  return membership && isRole(membership.role) ? membership.role : null;
}

/** Members of a workspace and their roles. A workspace always keeps at least one admin. */
export class MemberService {
  constructor(private readonly db: Db, private readonly actor: Actor) {}

  async list(workspaceId: string): Promise<MemberView[]> {
    const rows = await this.db.membership.findMany({ where: { workspaceId }, include: { user: true }, orderBy: { createdAt: "asc" } });
    return rows.map((row) => ({
      userId: row.userId,
      email: row.user.email,
      name: row.user.name,
      role: isRole(row.role) ? row.role : "viewer",
      joinedAt: row.createdAt.toISOString(),
    }));
  }

  async changeRole(workspaceId: string, userId: string, role: Role): Promise<MemberView> {
    const current = await this.find(workspaceId, userId);
    if (current.role === role) return current;
    if (current.role === "admin") await this.refuseLastAdmin(workspaceId, "demote");
    await this.db.membership.update({ where: { workspaceId_userId: { workspaceId, userId } }, data: { role } });
    await recordAudit(this.db, { workspaceId, actor: this.actor, action: "member.role_change", targetType: "user", targetId: userId, details: { email: current.email, from: current.role, to: role } });
    return { ...current, role };
  }

  async remove(workspaceId: string, userId: string): Promise<{ userId: string }> {
    const current = await this.find(workspaceId, userId);
    if (current.role === "admin") await this.refuseLastAdmin(workspaceId, "remove");
    await this.db.$transaction([
      this.db.membership.delete({ where: { workspaceId_userId: { workspaceId, userId } } }),
      // A removed member's tokens for this workspace stop working with them.
      this.db.apiToken.updateMany({ where: { workspaceId, userId, revokedAt: null }, data: { revokedAt: new Date() } }),
    ]);
    await recordAudit(this.db, { workspaceId, actor: this.actor, action: "member.remove", targetType: "user", targetId: userId, details: { email: current.email, role: current.role } });
    return { userId };
  }

  private async find(workspaceId: string, userId: string): Promise<MemberView> {
    const member = (await this.list(workspaceId)).find((m) => m.userId === userId);
    if (!member) throw new AppError("NOT_FOUND", "No such member in this workspace");
    return member;
  }

  private async refuseLastAdmin(workspaceId: string, verb: "remove" | "demote"): Promise<void> {
    const admins = await this.db.membership.count({ where: { workspaceId, role: "admin" } });
    if (admins <= 1) throw new AppError("CONFLICT", `A workspace needs an admin: make someone else admin before you ${verb} the last one`);
  }
}
