import type { Db } from "../db";

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

export async function listWorkspaces(db: Db): Promise<WorkspaceView[]> {
  const workspaces = await db.workspace.findMany({ orderBy: { createdAt: "asc" } });
  return workspaces.map((w) => ({ id: w.id, name: w.name, region: w.region }));
}
