import type Database from "better-sqlite3";
import { DedupeWindow } from "./dedupe-window";
import type { AppendOutcome, NewEvent } from "./event-store";

export type DedupeOptions = {
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
 * Appends to the SQLite event log through one connection: dedupes against the window of
 * recent messageIds, inserts with prepared single-row statements (faster in better-sqlite3
 * than one large multi-row statement) in one IMMEDIATE transaction, and records each source's
 * last event time in the same transaction.
 */
export class SqliteAppender {
  private readonly dedupe: DedupeWindow;
  private dedupeLoaded = false;
  private readonly insert: Database.Statement;
  private readonly touchSource: Database.Statement;
  private readonly appendAll: Database.Transaction<(events: NewEvent[]) => Appended>;

  constructor(
    private readonly db: Database.Database,
    options: DedupeOptions = {},
  ) {
    this.dedupe = new DedupeWindow(options.dedupeWindowEvents ?? 500_000, options.dedupeWindowMs ?? 24 * 3600_000);
    this.insert = db.prepare(
      `INSERT INTO events (workspace_id, source_id, message_id, type, user_id, anonymous_id, event, timestamp, received_at, payload)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.touchSource = db.prepare(`UPDATE sources SET last_event_at = ? WHERE id = ?`);
    this.appendAll = db.transaction((events: NewEvent[]) => this.appendInTransaction(events));
  }

  /** Rebuilds the dedupe window from the newest events of the log. */
  loadDedupeWindow(): void {
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

  append(events: NewEvent[]): AppendOutcome[] {
    this.loadDedupeWindow();
    const { outcomes, added } = this.appendAll.immediate(events);
    // Only now is the commit certain: a failed COMMIT throws before the window learns the keys.
    for (const [key, at] of added) this.dedupe.add(key, at);
    return outcomes;
  }

  private appendInTransaction(events: NewEvent[]): Appended {
    const outcomes: AppendOutcome[] = [];
    const lastEventAt = new Map<string, number>();
    const added: Appended["added"] = [];
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
}
