import type { Db } from "../db";
import type { Actor } from "../auth/actor";

export type AuditRecord = {
  workspaceId: string;
  actor: Actor;
  /** What was done, `<target>.<verb>`: "source.create", "destination.update", "member.remove"... */
  action: string;
  targetType: string;
  targetId?: string | null;
  /** What changed. Never a secret value: pass masked settings. */
  details?: Record<string, unknown>;
};

export type AuditEntryView = {
  id: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
};

/** Records one configuration change. Call it in the same service call that made the change. */
export async function recordAudit(db: Db, record: AuditRecord): Promise<void> {
  await db.auditEntry.create({
    data: {
      workspaceId: record.workspaceId,
      actorId: record.actor.userId,
      actorLabel: record.actor.label,
      action: record.action,
      targetType: record.targetType,
      targetId: record.targetId ?? null,
      details: JSON.stringify(record.details ?? {}),
    },
  });
}

export type AuditFilter = {
  limit?: number;
  /** An entry id: the entries older than it. */
  before?: string;
  /** An action ("source.create") or a prefix of one ending in a dot ("source."). */
  action?: string;
  targetType?: string;
  targetId?: string;
};

/** The workspace's audit entries, newest first; `before` (an entry id) pages further back. */
export async function listAudit(db: Db, workspaceId: string, options: AuditFilter = {}): Promise<AuditEntryView[]> {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 500);
  const cursor = options.before ? await db.auditEntry.findFirst({ where: { id: options.before, workspaceId } }) : null;
  const rows = await db.auditEntry.findMany({
    where: {
      workspaceId,
      ...(options.action ? { action: options.action.endsWith(".") ? { startsWith: options.action } : options.action } : {}),
      ...(options.targetType ? { targetType: options.targetType } : {}),
      ...(options.targetId ? { targetId: options.targetId } : {}),
      ...(cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  return rows.map((row) => ({
    id: row.id,
    actorId: row.actorId,
    actorLabel: row.actorLabel,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    details: JSON.parse(row.details) as Record<string, unknown>,
    createdAt: row.createdAt,
  }));
}
