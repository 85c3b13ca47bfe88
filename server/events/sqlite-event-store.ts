import type Database from "better-sqlite3";
import type { Worker } from "node:worker_threads";
import { openSqlite } from "../sqlite-connection";
import { SqliteAppender, type DedupeOptions } from "./sqlite-appender";
import { startTypeScriptWorker } from "../ts-worker";
import { WalCheckpointer } from "./wal-checkpointer";
import { packEvents, unpackOutcome, type AppendRequest, type AppendResponse } from "./sqlite-append-protocol";
import { mergeByPosition, type AppendOutcome, type EventQuery, type EventStore, type NewEvent, type StoredEvent, type UnparsedEvent } from "./event-store";

/** A stored event's columns, in the order of `COLUMNS`: rows are read raw, as arrays, for speed. */
type EventRow = [
  position: number,
  workspaceId: string,
  sourceId: string,
  messageId: string,
  type: string,
  userId: string | null,
  anonymousId: string | null,
  event: string | null,
  timestamp: number,
  receivedAt: number,
  payload: string,
];
const COLUMNS = "position, workspace_id, source_id, message_id, type, user_id, anonymous_id, event, timestamp, received_at, payload";

export type SqliteEventStoreOptions = DedupeOptions & {
  /**
   * Insert and commit on a writer thread (the server does), so that the main thread goes on
   * parsing requests meanwhile and never waits for the disk. Off, appends run on the calling
   * thread (CLI, tests).
   */
  appendInWorker?: boolean;
};

/**
 * The event log on SQLite. One process appends (the ingest server), any number read, each
 * through its own connection (WAL lets readers and the writer work at once).
 */
export class SqliteEventStore implements EventStore {
  readonly kind = "sqlite" as const;
  private readonly db: Database.Database;
  private readonly appender: { append(events: NewEvent[]): Promise<AppendOutcome[]>; prepare(): void; close(): Promise<void> };
  private pageAfter: Database.Statement | null = null;
  private checkpointer: WalCheckpointer | null = null;

  constructor(
    private readonly file: string,
    options: SqliteEventStoreOptions = {},
  ) {
    this.db = openSqlite(file);
    if (options.appendInWorker) {
      this.appender = new WorkerAppender(file, options);
    } else {
      const appender = new SqliteAppender(this.db, options);
      this.appender = {
        append: async (events) => unpackOutcome(appender.append(packEvents(events)), events.length),
        prepare: () => {
          // Checkpoints run on their own thread (started below), not on this connection.
          this.db.pragma("wal_autocheckpoint = 0");
          appender.loadDedupeWindow();
        },
        close: async () => undefined,
      };
    }
  }

  /** Readies this store to be the log's one appender, with its checkpoints on a thread of their own. */
  prepareForAppends(): void {
    this.appender.prepare();
    this.checkpointer ??= new WalCheckpointer(this.file);
  }

  async append(events: NewEvent[]): Promise<AppendOutcome[]> {
    if (events.length === 0) return [];
    return this.appender.append(events);
  }

  async list(query: EventQuery): Promise<StoredEvent[]> {
    const { where, params } = whereClause(query);
    const rows = this.db
      .prepare(`SELECT ${COLUMNS} FROM events ${where} ORDER BY position DESC LIMIT ?`)
      .raw()
      .all(...params, query.limit) as EventRow[];
    return rows.map(toStoredEvent);
  }

  async readAfter(query: { sourceIds: string[]; afterPosition: number; limit: number }): Promise<UnparsedEvent[]> {
    this.pageAfter ??= this.db.prepare(`SELECT ${COLUMNS} FROM events WHERE source_id = ? AND position > ? ORDER BY position LIMIT ?`).raw();
    const statement = this.pageAfter;
    const pages = query.sourceIds.map((sourceId) => (statement.all(sourceId, query.afterPosition, query.limit) as EventRow[]).map(toUnparsedEvent));
    return pages.length === 1 ? pages[0]! : mergeByPosition(pages, query.limit);
  }

  async maxPosition(): Promise<number> {
    return (this.db.prepare(`SELECT coalesce(max(position), 0) FROM events`).pluck().get() as number) ?? 0;
  }

  async getByPositions(positions: number[]): Promise<UnparsedEvent[]> {
    if (positions.length === 0) return [];
    const rows = this.db
      .prepare(`SELECT ${COLUMNS} FROM events WHERE position IN (SELECT value FROM json_each(?)) ORDER BY position`)
      .raw()
      .all(JSON.stringify(positions)) as EventRow[];
    return rows.map(toUnparsedEvent);
  }

  async count(query: Omit<EventQuery, "limit" | "beforePosition">): Promise<number> {
    const { where, params } = whereClause(query);
    return this.db.prepare(`SELECT count(*) FROM events ${where}`).pluck().get(...params) as number;
  }

  async close(): Promise<void> {
    await this.appender.close();
    await this.checkpointer?.close();
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

function toUnparsedEvent([position, workspaceId, sourceId, messageId, type, userId, anonymousId, event, timestamp, receivedAt, payloadJson]: EventRow): UnparsedEvent {
  return { position, workspaceId, sourceId, messageId, type, userId, anonymousId, event, timestamp, receivedAt, payloadJson };
}

function toStoredEvent(row: EventRow): StoredEvent {
  const { payloadJson, ...columns } = toUnparsedEvent(row);
  return { ...columns, payload: JSON.parse(payloadJson) as Record<string, unknown> };
}

/** Sends appends to the writer thread (server/events/sqlite-append-worker.ts) and matches its answers. */
class WorkerAppender {
  private worker: Worker | null = null;
  private checkpointsElsewhere = false;
  private nextId = 1;
  private readonly pending = new Map<number, { count: number; resolve: (o: AppendOutcome[]) => void; reject: (e: Error) => void }>();

  constructor(
    private readonly file: string,
    private readonly options: DedupeOptions,
  ) {}

  /** Starts the writer thread, leaving checkpoints to the store's checkpoint thread. */
  prepare(): void {
    this.checkpointsElsewhere = true;
    this.start();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = startTypeScriptWorker(new URL("./sqlite-append-worker.ts", import.meta.url), {
      file: this.file,
      options: { dedupeWindowEvents: this.options.dedupeWindowEvents, dedupeWindowMs: this.options.dedupeWindowMs },
      checkpointsElsewhere: this.checkpointsElsewhere,
    });
    worker.on("message", (message: AppendResponse[] | { ready: true }) => {
      if (!Array.isArray(message)) return;
      for (const response of message) {
        const waiter = this.pending.get(response.id);
        if (!waiter) continue;
        this.pending.delete(response.id);
        if ("error" in response) waiter.reject(new Error(`Event log write failed: ${response.error}`));
        else waiter.resolve(unpackOutcome(response.outcome, waiter.count));
      }
    });
    const fail = (error: Error) => {
      this.worker = null;
      for (const waiter of this.pending.values()) waiter.reject(error);
      this.pending.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`The event log writer stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  append(events: NewEvent[]): Promise<AppendOutcome[]> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { count: events.length, resolve, reject });
      worker.postMessage({ kind: "append", id, events: packEvents(events) } satisfies AppendRequest);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    await new Promise<void>((resolve) => {
      worker.once("exit", () => resolve());
      worker.postMessage({ kind: "close" } satisfies AppendRequest);
    });
  }
}
