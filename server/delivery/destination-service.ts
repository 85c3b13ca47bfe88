import type { Db } from "../db";
import { recordAudit } from "../audit/audit-log";
import type { Actor } from "../auth/actor";
import { AppError } from "../errors";
import { findDestinationDefinition } from "../destinations/catalog";
import { defaultActionsFor } from "../destinations/default-actions";
import { SettingsError } from "../destinations/settings-error";
import { keepUnchangedSecrets, maskSecrets, parseSettings } from "../destinations/settings";
import { checkOutboundUrl, type LookupAll } from "../destinations/outbound-guard";
import { openSecrets, sealSecrets } from "../secrets/destination-secrets";
import { secretKey } from "../secrets/secret-key";
import { allowedPrivateHosts } from "../workspaces/workspace-service";
import type { DestinationDefinition } from "../destinations/types";
import { latestEventPosition } from "../events/event-log-queries";
import { ActionService } from "../actions/action-service";

export type ActionView = { id: string; key: string; name: string; trigger: string; mapping: string; enabled: boolean; version: number };
export type DestinationView = {
  id: string;
  type: string;
  name: string;
  enabled: boolean;
  health: string;
  healthReason: string | null;
  /** Secret settings are masked. */
  settings: Record<string, unknown>;
  actions: ActionView[];
  sourceIds: string[];
};

function definitionOf(type: string): DestinationDefinition {
  const definition = findDestinationDefinition(type);
  if (!definition) throw new AppError("BAD_REQUEST", `Unknown destination type "${type}"; see \`switchyard destination catalog\``);
  return definition;
}

function validSettings(definition: DestinationDefinition, raw: unknown): Record<string, unknown> {
  const parsed = parseSettings(definition, raw);
  if (!parsed.ok) throw new SettingsError(definition.name, parsed.issues);
  return parsed.settings as Record<string, unknown>;
}

/**
 * Refuses settings whose URLs (the destination's `urlSettings` and `baseUrl`) resolve to
 * private, loopback or link-local addresses the workspace does not allow, naming the field.
 */
async function checkSettingUrls(db: Db, workspaceId: string, definition: DestinationDefinition, settings: Record<string, unknown>, lookup?: LookupAll): Promise<void> {
  const fields = [...(definition.urlSettings ?? []), "baseUrl"].filter((field) => typeof settings[field] === "string" && settings[field] !== "");
  if (fields.length === 0) return;
  const policy = { allowedHosts: await allowedPrivateHosts(db, workspaceId), lookup };
  for (const field of fields) {
    const check = await checkOutboundUrl(settings[field] as string, policy);
    if (!check.ok) throw new AppError("BAD_REQUEST", `Invalid settings for ${definition.name}: ${field}: ${check.message}`);
  }
}

/** The names of the settings that differ, secrets compared in clear. */
function changedSettings(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => JSON.stringify(before[name]) !== JSON.stringify(after[name])).sort();
}

/** Destinations of a workspace, their actions and their connections to sources. */
export class DestinationService {
  /**
   * `actor` is who makes the changes (recorded in the audit log); `lookup` replaces DNS when
   * checking settings URLs (tests).
   */
  constructor(
    private readonly db: Db,
    private readonly actor: Actor,
    private readonly options: { lookup?: LookupAll } = {},
  ) {}

  private audit(workspaceId: string, action: string, targetType: string, targetId: string, details: Record<string, unknown>): Promise<void> {
    return recordAudit(this.db, { workspaceId, actor: this.actor, action, targetType, targetId, details });
  }

  /**
   * Creates a destination with its default actions. Its delivery starts at the end of the log:
   * it receives events from now on (earlier ones are for replay).
   */
  async create(workspaceId: string, input: { type: string; name: string; settings: unknown }): Promise<DestinationView> {
    const definition = definitionOf(input.type);
    const settings = validSettings(definition, input.settings);
    const name = input.name.trim();
    if (!name) throw new AppError("BAD_REQUEST", "A destination needs a name");
    await checkSettingUrls(this.db, workspaceId, definition, settings, this.options.lookup);
    const position = await latestEventPosition(this.db);
    const created = await this.db.destination.create({
      data: {
        workspaceId,
        type: definition.key,
        name,
        settings: JSON.stringify(sealSecrets(definition, settings, secretKey())),
        actions: { create: defaultActionsFor(definition.key) },
        cursor: { create: { position } },
      },
    });
    await this.audit(workspaceId, "destination.create", "destination", created.id, { type: definition.key, name, settings: maskSecrets(definition, settings) });
    return this.get(workspaceId, created.id);
  }

  async list(workspaceId: string): Promise<DestinationView[]> {
    const rows = await this.db.destination.findMany({ where: { workspaceId }, orderBy: { createdAt: "asc" }, select: { id: true } });
    return Promise.all(rows.map((row) => this.get(workspaceId, row.id)));
  }

  async get(workspaceId: string, id: string): Promise<DestinationView> {
    const row = await this.db.destination.findFirst({
      where: { id, workspaceId },
      include: { actions: { orderBy: { createdAt: "asc" } }, connections: { select: { sourceId: true } } },
    });
    if (!row) throw new AppError("NOT_FOUND", `No destination with id "${id}" in this workspace`);
    const definition = definitionOf(row.type);
    return {
      id: row.id,
      type: row.type,
      name: row.name,
      enabled: row.enabled,
      health: row.health,
      healthReason: row.healthReason,
      settings: maskSecrets(definition, JSON.parse(row.settings) as Record<string, unknown>),
      actions: row.actions.map(({ id: actionId, key, name, trigger, mapping, enabled, version }) => ({ id: actionId, key, name, trigger, mapping, enabled, version })),
      sourceIds: row.connections.map((c) => c.sourceId),
    };
  }

  async updateSettings(workspaceId: string, id: string, submitted: Record<string, unknown>): Promise<DestinationView> {
    const row = await this.db.destination.findFirst({ where: { id, workspaceId } });
    if (!row) throw new AppError("NOT_FOUND", `No destination with id "${id}" in this workspace`);
    const definition = definitionOf(row.type);
    const before = openSecrets(definition, JSON.parse(row.settings) as Record<string, unknown>, secretKey());
    const settings = validSettings(definition, keepUnchangedSecrets(definition, before, submitted));
    await checkSettingUrls(this.db, workspaceId, definition, settings, this.options.lookup);
    await this.db.destination.update({ where: { id }, data: { settings: JSON.stringify(sealSecrets(definition, settings, secretKey())) } });
    await this.audit(workspaceId, "destination.update", "destination", id, { changed: changedSettings(before, settings), settings: maskSecrets(definition, settings) });
    return this.get(workspaceId, id);
  }

  /** Resumes a paused destination: delivery goes on from where it stopped. */
  async resume(workspaceId: string, id: string): Promise<DestinationView> {
    const destination = await this.get(workspaceId, id);
    if (destination.health !== "healthy") {
      const reason = "Resumed by a user";
      await this.db.$transaction([
        this.db.destination.update({ where: { id }, data: { health: "healthy", healthReason: reason, healthChangedAt: new Date() } }),
        this.db.destinationHealthChange.create({ data: { destinationId: id, state: "healthy", reason } }),
      ]);
      await this.audit(workspaceId, "destination.resume", "destination", id, { from: destination.health });
    }
    return this.get(workspaceId, id);
  }

  async connect(workspaceId: string, sourceId: string, destinationId: string): Promise<{ id: string; sourceId: string; destinationId: string }> {
    const source = await this.db.source.findFirst({ where: { id: sourceId, workspaceId } });
    if (!source) throw new AppError("NOT_FOUND", `No source with id "${sourceId}" in this workspace`);
    await this.get(workspaceId, destinationId);
    const connection = await this.db.connection.upsert({
      where: { sourceId_destinationId: { sourceId, destinationId } },
      create: { sourceId, destinationId },
      update: { enabled: true },
    });
    await this.audit(workspaceId, "connection.create", "connection", connection.id, { sourceId, destinationId });
    return { id: connection.id, sourceId, destinationId };
  }

  async disconnect(workspaceId: string, sourceId: string, destinationId: string): Promise<void> {
    await this.get(workspaceId, destinationId);
    const connection = await this.db.connection.findUnique({ where: { sourceId_destinationId: { sourceId, destinationId } } });
    if (!connection) return;
    await this.db.connection.delete({ where: { id: connection.id } });
    await this.audit(workspaceId, "connection.delete", "connection", connection.id, { sourceId, destinationId });
  }

  /**
   * Changes an action's trigger, mapping or enabled state through the action service: a changed
   * trigger or mapping is a new version, recorded with its author.
   */
  async updateAction(workspaceId: string, actionId: string, change: { trigger?: string; mapping?: string; enabled?: boolean }): Promise<ActionView> {
    const { id, key, name, trigger, mapping, enabled, version } = await new ActionService(this.db).save(workspaceId, actionId, this.actor, change);
    return { id, key, name, trigger, mapping, enabled, version };
  }
}
