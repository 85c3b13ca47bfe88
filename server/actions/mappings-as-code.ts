import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit/audit-log";
import type { Db } from "../db";
import { AppError } from "../errors";
import { writeVersion } from "./action-versions";
import { validateActionText } from "./validate-action";

/** One action as files: `<folder>/<file>.jsonata` (the mapping) and `<folder>/<file>.json` (the rest). */
export type ActionFiles = { folder: string; file: string; mapping: string; meta: ActionMeta };

export type ActionMeta = {
  id: string;
  destination: string;
  destinationId: string;
  key: string;
  name: string;
  trigger: string;
  enabled: boolean;
  /** The version the files were pulled at; a push refuses files whose action moved on since. */
  version: number;
};

export type PushChange = { path: string; actionId: string; from: number; to: number; changed: string[] };
export type PushProblem = { path: string; message: string };
export type PushReport = { applied: boolean; changes: PushChange[]; unchanged: number; problems: PushProblem[] };

export function slugOf(name: string): string {
  const slug = name.normalize("NFKD").replace(/[^\w\s-]/g, "").trim().toLowerCase().replace(/[\s_]+/g, "-").replace(/-+/g, "-");
  return slug || "unnamed";
}

function unique(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let n = 2; taken.has(name); n++) name = `${wanted}-${n}`;
  taken.add(name);
  return name;
}

/** Every action of the workspace as files, one folder per destination. */
export async function pullActions(db: Db, workspaceId: string): Promise<ActionFiles[]> {
  const destinations = await db.destination.findMany({ where: { workspaceId }, include: { actions: { orderBy: { createdAt: "asc" } } }, orderBy: { createdAt: "asc" } });
  const folders = new Set<string>();
  return destinations.flatMap((destination) => {
    const folder = unique(slugOf(destination.name), folders);
    const files = new Set<string>();
    return destination.actions.map((action) => ({
      folder,
      file: unique(slugOf(action.name), files),
      mapping: action.mapping,
      meta: { id: action.id, destination: destination.name, destinationId: destination.id, key: action.key, name: action.name, trigger: action.trigger, enabled: action.enabled, version: action.version },
    }));
  });
}

/**
 * Checks every pushed action and, only when all are valid, applies the changed ones as new
 * versions (origin "push") in one transaction. One invalid file applies nothing.
 */
export async function pushActions(db: Db, workspaceId: string, actor: Actor, pushed: ReadonlyArray<{ path: string; mapping: string; meta: Partial<ActionMeta> }>): Promise<PushReport> {
  const problems: PushProblem[] = [];
  const planned: Array<{ path: string; row: Awaited<ReturnType<typeof findAction>> & object; next: { name: string; trigger: string; mapping: string; enabled: boolean } }> = [];
  let unchanged = 0;
  const seen = new Set<string>();
  for (const file of pushed) {
    const { meta } = file;
    if (typeof meta.id !== "string" || typeof meta.trigger !== "string" || typeof meta.name !== "string") {
      problems.push({ path: file.path, message: "The metadata file needs id, name and trigger (pull again to get a fresh one)" });
      continue;
    }
    if (seen.has(meta.id)) {
      problems.push({ path: file.path, message: `Action ${meta.id} appears in more than one file` });
      continue;
    }
    seen.add(meta.id);
    const row = await findAction(db, workspaceId, meta.id);
    if (!row) {
      problems.push({ path: file.path, message: `No action with id "${meta.id}" in this workspace` });
      continue;
    }
    try {
      validateActionText({ trigger: meta.trigger, mapping: file.mapping });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problems.push({ path: file.path, message: error.message });
      continue;
    }
    const next = { name: meta.name.trim() || row.name, trigger: meta.trigger, mapping: file.mapping, enabled: typeof meta.enabled === "boolean" ? meta.enabled : row.enabled };
    const changed = next.name !== row.name || next.trigger !== row.trigger || next.mapping !== row.mapping || next.enabled !== row.enabled;
    if (!changed) {
      unchanged++;
      continue;
    }
    if (typeof meta.version === "number" && meta.version !== row.version) {
      problems.push({ path: file.path, message: `This action was changed in Switchyard since the pull (version ${meta.version}, now ${row.version}); pull again and redo the edit` });
      continue;
    }
    planned.push({ path: file.path, row, next });
  }
  if (problems.length > 0) return { applied: false, changes: [], unchanged, problems };

  const changes: PushChange[] = [];
  await db.$transaction(async (tx) => {
    for (const { path, row, next } of planned) {
      const changed = (["name", "trigger", "mapping", "enabled"] as const).filter((part) => next[part] !== row[part]);
      const contentChanged = changed.some((part) => part !== "enabled");
      const to = contentChanged ? await writeVersion(tx, row, next, "push", actor) : row.version;
      if (!contentChanged) await tx.action.update({ where: { id: row.id }, data: { enabled: next.enabled } });
      changes.push({ path, actionId: row.id, from: row.version, to, changed });
    }
  });
  for (const change of changes) {
    await recordAudit(db, { workspaceId, actor, action: "action.update", targetType: "action", targetId: change.actionId, details: { origin: "push", version: change.to, changed: change.changed } });
  }
  return { applied: true, changes, unchanged, problems: [] };
}

function findAction(db: Db, workspaceId: string, id: string) {
  return db.action.findFirst({ where: { id, destination: { workspaceId } } });
}
