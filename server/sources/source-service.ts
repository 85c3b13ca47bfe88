import type { Db } from "../db";
import { recordAudit } from "../audit/audit-log";
import type { Actor } from "../auth/actor";
import { AppError } from "../errors";
import { parseOrigins } from "../ingest/write-keys";
import { checkAllowedOrigins, checkGlobalName, parseSourceSettings, type SourceSettings } from "./source-settings";
import { generateWriteKey } from "./write-key";

export const SOURCE_KINDS = ["http", "javascript", "node", "python", "go"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export type SourceView = {
  id: string;
  workspaceId: string;
  name: string;
  kind: string;
  writeKey: string;
  enabled: boolean;
  /** Origins allowed to send from a browser; empty allows every origin. */
  allowedOrigins: string[];
  settings: SourceSettings;
  lastEventAt: string | null;
  createdAt: string;
};

export type SourceSettingsChanges = { globalName?: string; allowedOrigins?: string[] };

type SourceRow = Awaited<ReturnType<Db["source"]["findFirstOrThrow"]>>;

function toView(source: SourceRow): SourceView {
  return {
    id: source.id,
    workspaceId: source.workspaceId,
    name: source.name,
    kind: source.kind,
    writeKey: source.writeKey,
    enabled: source.enabled,
    allowedOrigins: parseOrigins(source.allowedOrigins),
    settings: parseSourceSettings(source.settings),
    lastEventAt: source.lastEventAt?.toISOString() ?? null,
    createdAt: source.createdAt.toISOString(),
  };
}

function cleanName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) throw new AppError("BAD_REQUEST", "A source needs a name");
  if (trimmed.length > 100) throw new AppError("BAD_REQUEST", "A source name has at most 100 characters");
  return trimmed;
}

/** Sources of one workspace: where events come from, each with its own write key. */
export class SourceService {
  /** `actor` is who makes the changes, as the audit log records them. */
  constructor(
    private readonly db: Db,
    private readonly actor: Actor,
  ) {}

  private audit(workspaceId: string, action: string, id: string, details: Record<string, unknown>): Promise<void> {
    return recordAudit(this.db, { workspaceId, actor: this.actor, action, targetType: "source", targetId: id, details });
  }

  async list(workspaceId: string): Promise<SourceView[]> {
    const sources = await this.db.source.findMany({ where: { workspaceId }, orderBy: { createdAt: "asc" } });
    return sources.map(toView);
  }

  async get(workspaceId: string, id: string): Promise<SourceView> {
    return toView(await this.find(workspaceId, id));
  }

  async create(workspaceId: string, input: { name: string; kind?: SourceKind }): Promise<SourceView> {
    const kind = input.kind ?? "http";
    if (!SOURCE_KINDS.includes(kind)) throw new AppError("BAD_REQUEST", `Unknown source kind "${kind}"; use one of ${SOURCE_KINDS.join(", ")}`);
    const source = await this.db.source.create({
      data: { workspaceId, name: cleanName(input.name), kind, writeKey: generateWriteKey() },
    });
    await this.audit(workspaceId, "source.create", source.id, { name: source.name, kind });
    return toView(source);
  }

  async rename(workspaceId: string, id: string, name: string): Promise<SourceView> {
    const before = await this.find(workspaceId, id);
    const source = await this.db.source.update({ where: { id }, data: { name: cleanName(name) } });
    if (source.name !== before.name) await this.audit(workspaceId, "source.rename", id, { from: before.name, to: source.name });
    return toView(source);
  }

  async setEnabled(workspaceId: string, id: string, enabled: boolean): Promise<SourceView> {
    const before = await this.find(workspaceId, id);
    const source = await this.db.source.update({ where: { id }, data: { enabled } });
    if (before.enabled !== enabled) await this.audit(workspaceId, enabled ? "source.enable" : "source.disable", id, { name: source.name });
    return toView(source);
  }

  /** Changes the snippet's global name and the origins allowed to send from a browser. */
  async updateSettings(workspaceId: string, id: string, changes: SourceSettingsChanges): Promise<SourceView> {
    const source = await this.find(workspaceId, id);
    const data: { settings?: string; allowedOrigins?: string } = {};
    const details: Record<string, unknown> = {};
    if (changes.globalName !== undefined) {
      const globalName = checkGlobalName(changes.globalName);
      let stored: Record<string, unknown> = {};
      try {
        const parsed: unknown = JSON.parse(source.settings);
        if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) stored = parsed as Record<string, unknown>;
      } catch {
        // Unreadable settings are replaced.
      }
      data.settings = JSON.stringify({ ...stored, globalName });
      details.globalName = globalName;
    }
    if (changes.allowedOrigins !== undefined) {
      const allowedOrigins = checkAllowedOrigins(changes.allowedOrigins);
      data.allowedOrigins = JSON.stringify(allowedOrigins);
      details.allowedOrigins = allowedOrigins;
    }
    if (Object.keys(data).length === 0) return toView(source);
    const updated = await this.db.source.update({ where: { id }, data });
    await this.audit(workspaceId, "source.update_settings", id, { name: updated.name, ...details });
    return toView(updated);
  }

  /** Replaces the write key; the old key stops working at once. */
  async rotateWriteKey(workspaceId: string, id: string): Promise<SourceView> {
    await this.find(workspaceId, id);
    const source = await this.db.source.update({ where: { id }, data: { writeKey: generateWriteKey() } });
    // Never the key itself: the audit log says that it changed, not what it is.
    await this.audit(workspaceId, "source.rotate_write_key", id, { name: source.name });
    return toView(source);
  }

  /** Removes the source and its connections. Its events stay in the log. */
  async delete(workspaceId: string, id: string): Promise<void> {
    const source = await this.find(workspaceId, id);
    await this.db.source.delete({ where: { id } });
    await this.audit(workspaceId, "source.delete", id, { name: source.name, kind: source.kind });
  }

  private async find(workspaceId: string, id: string): Promise<SourceRow> {
    const source = await this.db.source.findFirst({ where: { id, workspaceId } });
    if (!source) throw new AppError("NOT_FOUND", `No source with id "${id}" in this workspace`);
    return source;
  }
}
