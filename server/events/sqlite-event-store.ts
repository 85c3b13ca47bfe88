import type Database from "better-sqlite3";
import { openSqlite } from "../sqlite-connection";
import { DedupeWindow } from "./dedupe-window";
import type { AppendOutcome, EventQuery, EventStore, NewEvent, StoredEvent } from "./event-store";

type EventRow = {
  position: number;
  workspace_id: string;
  source_id: string;
  message_id: string;
  type: string;
  user_id: string | null;
  anonymous_id: string | null;
  event: string | null;
  timestamp: number;
  received_at: number;
  payload: string;
};

export type SqliteEventStoreOptions = {
  /** How many recent events the dedupe window remembers (default 500,000). */
  dedupeWindowEvents?: number;
  /** How long the dedupe window remembers an event (default 24 h). */
  dedupeWindowMs?: number;
};

type Appended = { outcomes: AppendOutcome[]; added: Array<[key: string, receivedAt: number]> };

/** Prisma writes SQLite DateTime values in this form; raw updates must match it. */
function prismaSqliteDate(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "+00:00");
}

/**
 * The event log on SQLite. One process appends (the ingest server), any number read.
 * Appends run in one IMMEDIATE transaction per group commit with prepared single-row
 * inserts, which better-sqlite3 runs faster than one large multi-row statement.
 */
export class SqliteEventStore implements EventStore {
  readonly kind = "sqlite" as const;
  private readonly db: Database.Database;
  private readonly dedupe: DedupeWindow;
  private dedupeLoaded = false;
  private readonly insert: Database.Statement;
  private readonly touchSource: Database.Statement;
  private readonly appendAll: Database.Transaction<(events: NewEvent[]) => Appended>;

  constructor(file: string, options: SqliteEventStoreOptions = {}) {
    this.db = openSqlite(file);
    this.dedupe = new DedupeWindow(options.dedupeWindowEvents ?? 500_000, options.dedupeWindowMs ?? 24 * 3600_000);
    this.insert = this.db.prepare(
      `INSERT INTO events (workspace_id, source_id, message_id, type, user_id, anonymous_id, event, timestamp, received_at, payload)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.touchSource = this.db.prepare(`UPDATE sources SET last_event_at = ? WHERE id = ?`);
    this.appendAll = this.db.transaction((events: NewEvent[]) => this.appendInTransaction(events));
  }

  /** Rebuilds the dedupe window from the newest events; readers (CLI, UI) never pay for it. */
  prepareForAppends(): void {
    if (this.dedupeLoaded) return;
    this.dedupeLoaded = true;
    const since = Date.now() - this.dedupe.maxAgeMs;
    const rows = this.db
      .prepare(
        `SELECT source_id, message_id, received_at FROM events
         WHERE position > (SELECT coalesce(max(position), 0) FROM events) - ? AND received_at >= ?
         ORDER BY position`,
      )
      .raw()
      .iterate(this.dedupe.maxEntries, since) as IterableIterator<[string, string, number]>;
    for (const [sourceId, messageId, receivedAt] of rows) this.dedupe.add(DedupeWindow.key(sourceId, messageId), receivedAt);
  }

  private appendInTransaction(events: NewEvent[]): Appended {
    const outcomes: AppendOutcome[] = [];
    const lastEventAt = new Map<string, number>();
    const added: Array<[string, number]> = [];
    const inThisCommit = new Set<string>();
    for (const e of events) {
      const key = DedupeWindow.key(e.sourceId, e.messageId);
      if (this.dedupe.has(key) || inThisCommit.has(key)) {
        outcomes.push({ position: null, duplicate: true });
        continue;
      }
      inThisCommit.add(key);
      const result = this.insert.run(
        e.workspaceId, e.sourceId, e.messageId, e.type, e.userId, e.anonymousId, e.event, e.timestamp, e.receivedAt, e.payload,
      );
      outcomes.push({ position: Number(result.lastInsertRowid), duplicate: false });
      added.push([key, e.receivedAt]);
      lastEventAt.set(e.sourceId, Math.max(lastEventAt.get(e.sourceId) ?? 0, e.receivedAt));
    }
    for (const [sourceId, at] of lastEventAt) this.touchSource.run(prismaSqliteDate(at), sourceId);
    return { outcomes, added };
  }

  async append(events: NewEvent[]): Promise<AppendOutcome[]> {
    if (events.length === 0) return [];
    this.prepareForAppends();
    const { outcomes, added } = this.appendAll.immediate(events);
    // Only now is the commit certain: a failed COMMIT throws before the window learns the keys.
    for (const [key, at] of added) this.dedupe.add(key, at);
    return outcomes;
  }

  async list(query: EventQuery): Promise<StoredEvent[]> {
    const { where, params } = whereClause(query);
    const rows = this.db
      .prepare(`SELECT * FROM events ${where} ORDER BY position DESC LIMIT ?`)
      .all(...params, query.limit) as EventRow[];
    return rows.map(toStoredEvent);
  }

  async count(query: Omit<EventQuery, "limit" | "beforePosition">): Promise<number> {
    const { where, params } = whereClause(query);
    return this.db.prepare(`SELECT count(*) FROM events ${where}`).pluck().get(...params) as number;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

function whereClause(query: Omit<EventQuery, "limit">): { where: string; params: Array<string | number> } {
  const conditions: string[] = [];
  const params: Array<string | number> = [];
  if (query.sourceId) {
    conditions.push("source_id = ?");
    params.push(query.sourceId);
  }
  if (query.workspaceId) {
    conditions.push("workspace_id = ?");
    params.push(query.workspaceId);
  }
  if (query.beforePosition !== undefined) {
    conditions.push("position < ?");
    params.push(query.beforePosition);
  }
  return { where: conditions.length ? `WHERE ${conditions.join(" AND ")}` : "", params };
}

function toStoredEvent(row: EventRow): StoredEvent {
  return {
    position: row.position,
    workspaceId: row.workspace_id,
    sourceId: row.source_id,
    messageId: row.message_id,
    type: row.type,
    userId: row.user_id,
    anonymousId: row.anonymous_id,
    event: row.event,
    timestamp: row.timestamp,
    receivedAt: row.received_at,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
  };
}
