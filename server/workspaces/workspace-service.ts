import type { Actor } from "../auth/actor";
import { isRole, type Role } from "../auth/roles";
import { recordAudit } from "../audit/audit-log";
import type { Db } from "../db";
import { parseAllowedHosts } from "../destinations/outbound-guard";
import { AppError } from "../errors";

export type WorkspaceView = { id: string; name: string; region: string };

/**
 * The workspace a fresh installation starts with, and its demo source, so that a first
 * event can be sent right after `npm start`.
 */
export async function ensureDefaultWorkspace(db: Db): Promise<{ workspace: WorkspaceView; created: boolean }> {
  const existing = await db.workspace.findFirst({ orderBy: { createdAt: "asc" } });
  if (existing) return { workspace: { id: existing.id, name: existing.name, region: existing.region }, created: false };
  const workspace = await db.workspace.create({ data: { name: "My workspace", region: "US" } });
  return { workspace: { id: workspace.id, name: workspace.name, region: workspace.region }, created: true };
}

/** The workspace with this id, or null. */
export async function findWorkspace(db: Db, id: string): Promise<WorkspaceView | null> {
  return db.workspace.findUnique({ where: { id }, select: { id: true, name: true, region: true } });
}

/** Every workspace; for the local CLI, which works on the database directly. */
export async function listWorkspaces(db: Db): Promise<WorkspaceView[]> {
  const workspaces = await db.workspace.findMany({ orderBy: { createdAt: "asc" } });
  return workspaces.map((w) => ({ id: w.id, name: w.name, region: w.region }));
}

export type MyWorkspaceView = WorkspaceView & { role: Role };

/** The workspaces a user is a member of, oldest membership first, with their role in each. */
export async function listWorkspacesOf(db: Db, userId: string): Promise<MyWorkspaceView[]> {
  const memberships = await db.membership.findMany({ where: { userId }, include: { workspace: true }, orderBy: { createdAt: "asc" } });
  return memberships.flatMap((m) => (isRole(m.role) ? [{ id: m.workspace.id, name: m.workspace.name, region: m.workspace.region, role: m.role }] : []));
}

/** A new workspace with the user as its admin. */
export async function createWorkspace(db: Db, actor: Actor & { userId: string }, input: { name: string; region?: "US" | "EU" }): Promise<MyWorkspaceView> {
  const name = input.name.trim();
  if (name.length === 0) throw new AppError("BAD_REQUEST", "A workspace needs a name");
  if (name.length > 100) throw new AppError("BAD_REQUEST", "A workspace name has at most 100 characters");
  const workspace = await db.workspace.create({
    data: { name, region: input.region ?? "US", memberships: { create: { userId: actor.userId, role: "admin" } } },
  });
  await recordAudit(db, { workspaceId: workspace.id, actor, action: "workspace.create", targetType: "workspace", targetId: workspace.id, details: { name, region: workspace.region } });
  return { id: workspace.id, name: workspace.name, region: workspace.region, role: "admin" };
}

/**
 * The first account of an installation becomes admin of every workspace that has no member
 * yet: on a fresh database the first workspace, after an upgrade every existing one.
 */
export async function adoptUnclaimedWorkspaces(db: Db, user: { id: string; email: string }): Promise<string[]> {
  await ensureDefaultWorkspace(db);
  const unclaimed = await db.workspace.findMany({ where: { memberships: { none: {} } }, select: { id: true } });
  const ids = unclaimed.map((w) => w.id);
  for (const workspaceId of ids) {
    await db.membership.create({ data: { workspaceId, userId: user.id, role: "admin" } });
    await recordAudit(db, { workspaceId, actor: { userId: user.id, label: user.email }, action: "member.join", targetType: "user", targetId: user.id, details: { email: user.email, role: "admin", firstAccount: true } });
  }
  return ids;
}

const HOST_ENTRY = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:.]+\])(?::\d{1,5})?$|^[0-9a-f]*:[0-9a-f:.]+$/;

/** The hosts destinations of this workspace may reach although they resolve to private addresses. */
export async function allowedPrivateHosts(db: Db, workspaceId: string): Promise<string[]> {
  const workspace = await db.workspace.findUnique({ where: { id: workspaceId }, select: { allowedPrivateHosts: true } });
  if (!workspace) throw new AppError("NOT_FOUND", `No workspace with id "${workspaceId}"`);
  return parseAllowedHosts(workspace.allowedPrivateHosts);
}

/**
 * Replaces the workspace's allowed private hosts: host names, IP addresses or `host:port`, as
 * they appear in destination URLs (`localhost`, `10.0.0.5`, `[::1]`, `hooks.internal:8443`).
 */
export async function setAllowedPrivateHosts(db: Db, actor: Actor, workspaceId: string, hosts: readonly string[]): Promise<string[]> {
  const before = await allowedPrivateHosts(db, workspaceId);
  const cleaned = [...new Set(hosts.map((host) => host.trim().toLowerCase()).filter((host) => host !== ""))];
  if (cleaned.length > 100) throw new AppError("BAD_REQUEST", "At most 100 allowed hosts");
  const invalid = cleaned.find((host) => !HOST_ENTRY.test(host));
  if (invalid !== undefined) throw new AppError("BAD_REQUEST", `"${invalid}" is not a host name, an IP address or host:port (leave out the scheme and path)`);
  await db.workspace.update({ where: { id: workspaceId }, data: { allowedPrivateHosts: JSON.stringify(cleaned) } });
  await recordAudit(db, { workspaceId, actor, action: "workspace.update", targetType: "workspace", targetId: workspaceId, details: { allowedPrivateHosts: { from: before, to: cleaned } } });
  return cleaned;
}
