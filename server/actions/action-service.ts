import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit/audit-log";
import type { Db } from "../db";
import { findDestinationDefinition, getActionDefinition } from "../destinations/catalog";
import { readDefaultMapping } from "../destinations/default-actions";
import type { ActionDefinition, DestinationDefinition } from "../destinations/types";
import { AppError } from "../errors";
import { impliedVersion, writeVersion, type ActionVersionView, type VersionOrigin } from "./action-versions";
import { actionFieldsOf, type ActionFieldView } from "./field-list";
import { validateActionText } from "./validate-action";

/** An action with what the editor needs to show it: its destination, its fields, its defaults. */
export type ActionDetail = {
  id: string;
  key: string;
  name: string;
  trigger: string;
  mapping: string;
  enabled: boolean;
  version: number;
  updatedAt: string;
  title: string;
  description: string;
  destination: { id: string; name: string; type: string; catalogName: string; sourceIds: string[] };
  fields: ActionFieldView[];
  /** Whether the payload accepts fields beyond the declared ones. */
  openFields: boolean;
  defaultTrigger: string;
  batch: boolean;
};

export type ActionChange = { name?: string; trigger?: string; mapping?: string; enabled?: boolean };

type ActionRow = { id: string; destinationId: string; key: string; name: string; trigger: string; mapping: string; enabled: boolean; version: number; createdAt: Date; updatedAt: Date };
type Loaded = { row: ActionRow; destination: { id: string; name: string; type: string; workspaceId: string }; definition: DestinationDefinition; action: ActionDefinition<unknown, unknown> };

function definitionOf(type: string): DestinationDefinition {
  const definition = findDestinationDefinition(type);
  if (!definition) throw new AppError("BAD_REQUEST", `Unknown destination type "${type}"`);
  return definition;
}

/**
 * An action's trigger and mapping, the versions every change makes (save, restore, reset,
 * push, create), and new actions from a destination's action types.
 */
export class ActionService {
  constructor(private readonly db: Db) {}

  async get(workspaceId: string, actionId: string): Promise<ActionDetail> {
    const { row, destination, definition, action } = await this.load(workspaceId, actionId);
    const connections = await this.db.connection.findMany({ where: { destinationId: destination.id }, select: { sourceId: true } });
    const { fields, open } = actionFieldsOf(action.fields);
    return {
      id: row.id,
      key: row.key,
      name: row.name,
      trigger: row.trigger,
      mapping: row.mapping,
      enabled: row.enabled,
      version: row.version,
      updatedAt: row.updatedAt.toISOString(),
      title: action.title,
      description: action.description,
      destination: { id: destination.id, name: destination.name, type: destination.type, catalogName: definition.name, sourceIds: connections.map((c) => c.sourceId) },
      fields,
      openFields: open,
      defaultTrigger: action.defaultTrigger,
      batch: action.batch !== undefined,
    };
  }

  /**
   * Saves a change. A changed name, trigger or mapping is a new version; an invalid trigger or
   * mapping is refused with where it is wrong. `expectedVersion` refuses to overwrite a version
   * saved by someone else since the editor loaded it.
   */
  async save(workspaceId: string, actionId: string, actor: Actor, change: ActionChange, options: { expectedVersion?: number; origin?: VersionOrigin } = {}): Promise<ActionDetail> {
    const { row, destination } = await this.load(workspaceId, actionId);
    if (options.expectedVersion !== undefined && options.expectedVersion !== row.version) {
      throw new AppError("CONFLICT", `This action is at version ${row.version} now, not ${options.expectedVersion}; reload it to see the latest version`);
    }
    validateActionText(change);
    const name = change.name?.trim();
    if (change.name !== undefined && !name) throw new AppError("BAD_REQUEST", "An action needs a name");
    const next = { name: name ?? row.name, trigger: change.trigger ?? row.trigger, mapping: change.mapping ?? row.mapping, enabled: change.enabled ?? row.enabled };
    const changed = next.name !== row.name || next.trigger !== row.trigger || next.mapping !== row.mapping;
    if (!changed && next.enabled === row.enabled) return this.get(workspaceId, actionId);
    await this.db.$transaction(async (tx) => {
      if (changed) await writeVersion(tx, row, next, options.origin ?? "save", actor);
      else await tx.action.update({ where: { id: row.id }, data: { enabled: next.enabled } });
    });
    const version = changed ? row.version + 1 : row.version;
    const parts = (["name", "trigger", "mapping", "enabled"] as const).filter((part) => next[part] !== row[part]);
    await recordAudit(this.db, {
      workspaceId,
      actor,
      action: "action.update",
      targetType: "action",
      targetId: row.id,
      details: { destinationId: destination.id, key: row.key, changed: parts, version, enabled: next.enabled, ...(options.origin && options.origin !== "save" ? { origin: options.origin } : {}) },
    });
    return this.get(workspaceId, actionId);
  }

  /** Every version, newest first. */
  async history(workspaceId: string, actionId: string): Promise<ActionVersionView[]> {
    const { row } = await this.load(workspaceId, actionId);
    const rows = await this.db.actionVersion.findMany({ where: { actionId }, orderBy: { version: "desc" } });
    const versions: ActionVersionView[] = rows.map(versionView);
    if (!versions.some((v) => v.version === row.version)) versions.unshift(impliedVersion(row));
    return versions;
  }

  /** Two versions, for a side-by-side diff. */
  async versions(workspaceId: string, actionId: string, left: number, right: number): Promise<{ left: ActionVersionView; right: ActionVersionView }> {
    const history = await this.history(workspaceId, actionId);
    const find = (version: number) => {
      const found = history.find((v) => v.version === version);
      if (!found) throw new AppError("NOT_FOUND", `This action has no version ${version}`);
      return found;
    };
    return { left: find(left), right: find(right) };
  }

  /** Makes an earlier version's name, trigger and mapping the current ones, as a new version. */
  async restore(workspaceId: string, actionId: string, version: number, actor: Actor): Promise<ActionDetail> {
    const { left: old } = await this.versions(workspaceId, actionId, version, version);
    return this.save(workspaceId, actionId, actor, { name: old.name, trigger: old.trigger, mapping: old.mapping }, { origin: "restore" });
  }

  /** Back to the catalog's default trigger and mapping, as a new version. */
  async reset(workspaceId: string, actionId: string, actor: Actor): Promise<ActionDetail> {
    const { action } = await this.load(workspaceId, actionId);
    return this.save(workspaceId, actionId, actor, { trigger: action.defaultTrigger, mapping: readDefaultMapping(action) }, { origin: "reset" });
  }

  /** The action types a destination offers, for "Add action". */
  async actionTypes(workspaceId: string, destinationId: string): Promise<Array<{ key: string; title: string; description: string; defaultTrigger: string; inUse: number }>> {
    const destination = await this.db.destination.findFirst({ where: { id: destinationId, workspaceId }, include: { actions: { select: { key: true } } } });
    if (!destination) throw new AppError("NOT_FOUND", `No destination with id "${destinationId}" in this workspace`);
    return definitionOf(destination.type).actions.map((action) => ({
      key: action.key,
      title: action.title,
      description: action.description,
      defaultTrigger: action.defaultTrigger,
      inUse: destination.actions.filter((a) => a.key === action.key).length,
    }));
  }

  /** Adds an action of one of the destination's action types, with its defaults, as version 1. */
  async create(workspaceId: string, destinationId: string, actor: Actor, input: { key: string; name?: string }): Promise<ActionDetail> {
    const destination = await this.db.destination.findFirst({ where: { id: destinationId, workspaceId } });
    if (!destination) throw new AppError("NOT_FOUND", `No destination with id "${destinationId}" in this workspace`);
    const action = getActionDefinition(definitionOf(destination.type), input.key);
    const state = { name: input.name?.trim() || action.title, trigger: action.defaultTrigger, mapping: readDefaultMapping(action), enabled: true };
    const created = await this.db.$transaction(async (tx) => {
      const row = await tx.action.create({ data: { destinationId, key: action.key, ...state, version: 1 } });
      await tx.actionVersion.create({ data: { actionId: row.id, version: 1, ...state, origin: "create", authorId: actor.userId, authorLabel: actor.label } });
      return row;
    });
    await recordAudit(this.db, { workspaceId, actor, action: "action.create", targetType: "action", targetId: created.id, details: { destinationId, key: action.key, name: state.name } });
    return this.get(workspaceId, created.id);
  }

  async delete(workspaceId: string, actionId: string, actor: Actor): Promise<void> {
    const { row, destination } = await this.load(workspaceId, actionId);
    await this.db.action.delete({ where: { id: row.id } });
    await recordAudit(this.db, { workspaceId, actor, action: "action.delete", targetType: "action", targetId: row.id, details: { destinationId: destination.id, key: row.key, name: row.name } });
  }

  private async load(workspaceId: string, actionId: string): Promise<Loaded> {
    const found = await this.db.action.findFirst({ where: { id: actionId, destination: { workspaceId } }, include: { destination: true } });
    if (!found) throw new AppError("NOT_FOUND", `No action with id "${actionId}" in this workspace`);
    const { destination, ...row } = found;
    const definition = definitionOf(destination.type);
    return { row, destination, definition, action: getActionDefinition(definition, row.key) as ActionDefinition<unknown, unknown> };
  }
}

function versionView(row: Omit<ActionVersionView, "createdAt"> & { createdAt: Date }): ActionVersionView {
  const { version, name, trigger, mapping, enabled, origin, authorId, authorLabel, createdAt } = row;
  return { version, name, trigger, mapping, enabled, origin, authorId, authorLabel, createdAt: createdAt.toISOString() };
}
