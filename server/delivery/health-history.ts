import type { Db } from "../db";
import { AppError } from "../errors";

export type HealthChangeView = { id: string; state: string; reason: string; at: string };

/** A destination's health changes, newest first. */
export async function healthHistory(db: Db, workspaceId: string, destinationId: string, limit = 50): Promise<HealthChangeView[]> {
  const destination = await db.destination.findFirst({ where: { id: destinationId, workspaceId }, select: { id: true } });
  if (!destination) throw new AppError("NOT_FOUND", `No destination with id "${destinationId}" in this workspace`);
  const rows = await db.destinationHealthChange.findMany({ where: { destinationId }, orderBy: { createdAt: "desc" }, take: Math.min(Math.max(limit, 1), 200) });
  return rows.map((r) => ({ id: r.id, state: r.state, reason: r.reason, at: r.createdAt.toISOString() }));
}
