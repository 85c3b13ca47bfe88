import type { Actor } from "../auth/actor";
import type { Db } from "../db";
import { AppError } from "../errors";

export type VersionOrigin = "create" | "save" | "restore" | "reset" | "push";

/** One saved state of an action as the editor's history shows it. */
export type ActionVersionView = {
  version: number;
  name: string;
  trigger: string;
  mapping: string;
  enabled: boolean;
  origin: string;
  authorId: string | null;
  authorLabel: string;
  /** ISO 8601. */
  createdAt: string;
};

type ActionState = { id: string; name: string; trigger: string; mapping: string; enabled: boolean; version: number; createdAt: Date; updatedAt: Date };

/** Prisma's transaction client has the model API of the client itself. */
export type DbTransaction = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/**
 * The version row of an action's current state. Actions made before versions were recorded
 * (and the default actions a new destination starts with) have none: their current state reads
 * as a version by Switchyard.
 */
export function impliedVersion(action: ActionState): ActionVersionView {
  return {
    version: action.version,
    name: action.name,
    trigger: action.trigger,
    mapping: action.mapping,
    enabled: action.enabled,
    origin: action.version === 1 ? "create" : "save",
    authorId: null,
    authorLabel: "Switchyard",
    createdAt: (action.version === 1 ? action.createdAt : action.updatedAt).toISOString(),
  };
}

/**
 * Writes the action's next state as a new version, after recording its current state when no
 * row holds it yet, so that history always has both sides of the change.
 */
export async function writeVersion(
  tx: DbTransaction,
  action: ActionState,
  next: { name: string; trigger: string; mapping: string; enabled: boolean },
  origin: VersionOrigin,
  actor: Actor,
): Promise<number> {
  const current = await tx.actionVersion.findUnique({ where: { actionId_version: { actionId: action.id, version: action.version } } });
  if (!current) {
    const implied = impliedVersion(action);
    await tx.actionVersion.create({ data: { actionId: action.id, ...implied, createdAt: new Date(implied.createdAt) } });
  }
  const version = action.version + 1;
  const { count } = await tx.action.updateMany({ where: { id: action.id, version: action.version }, data: { ...next, version } });
  if (count === 0) throw new AppError("CONFLICT", "This action was changed by someone else meanwhile; reload it to see the latest version");
  await tx.actionVersion.create({
    data: { actionId: action.id, version, ...next, origin, authorId: actor.userId, authorLabel: actor.label },
  });
  return version;
}
