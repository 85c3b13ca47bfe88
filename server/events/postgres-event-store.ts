import pg from "pg";
import { mergeByPosition, type AppendOutcome, type EventQuery, type EventStore, type NewEvent, type EventReference, type StoredEvent, type UnparsedEvent } from "./event-store";

/**
 * Group commits take this advisory lock for their transaction, so positions become visible
 * in the order they were assigned even with several ingest processes: a reader that has seen
 * position N will never later see a committed position below N.
 */
const EVENT_LOG_APPEND_LOCK = 74_210_002;

type EventRow = {
  position: string;
  workspace_id: string;
  source_id: string;
  message_id: string;
  type: string;
  user_id: string | null;
  anonymous_id: string | null;
  event: string | null;
  timestamp: Date;
  received_at: Date;
  payload: Record<string, unknown>;
};

/** A row read for the runner: the payload as text, so that the driver does not parse it. */
type UnparsedRow = Omit<EventRow, "payload"> & { payload_json: string };
const UNPARSED_COLUMNS = "position, workspace_id, source_id, message_id, type, user_id, anonymous_id, event, timestamp, received_at, payload::text AS payload_json";

/**
 * The event log on PostgreSQL: many ingest processes may append at once; duplicates are
 * caught by the unique (source_id, message_id) index. Each group commit is one INSERT over
 * `unnest` arrays, so its size is not bounded by the protocol's parameter limit.
 */
export class PostgresEventStore implements EventStore {
  readonly kind = "postgres" as const;
  private readonly pool: pg.Pool;

  constructor(url: string, poolSize = 4) {
    this.pool = new pg.Pool({ connectionString: url, max: poolSize });
  }

  prepareForAppends(): void {}

  async append(events: NewEvent[]): Promise<AppendOutcome[]> {
    if (events.length === 0) return [];
    // Within one commit the first copy of a (source, messageId) wins.
    const firstIndex = new Map<string, number>();
    const unique: NewEvent[] = [];
    events.forEach((e, i) => {
      const key = `${e.sourceId}\n${e.messageId}`;
      if (!firstIndex.has(key)) {
        firstIndex.set(key, i);
        unique.push(e);
      }
    });

    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock($1)", [EVENT_LOG_APPEND_LOCK]);
      const { rows } = await client.query<{ position: string; source_id: string; message_id: string }>(
        `INSERT INTO events (workspace_id, source_id, message_id, type, user_id, anonymous_id, event, timestamp, received_at, payload)
         SELECT w, s, m, t, u, a, e, to_timestamp(ts / 1000.0), to_timestamp(ra / 1000.0), p::jsonb
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::float8[], $9::float8[], $10::text[])
           WITH ORDINALITY AS x(w, s, m, t, u, a, e, ts, ra, p, n)
         ORDER BY n
         ON CONFLICT (source_id, message_id) DO NOTHING
         RETURNING position, source_id, message_id`,
        [
          unique.map((e) => e.workspaceId),
          unique.map((e) => e.sourceId),
          unique.map((e) => e.messageId),
          unique.map((e) => e.type),
          unique.map((e) => e.userId),
          unique.map((e) => e.anonymousId),
          unique.map((e) => e.event),
          unique.map((e) => e.timestamp),
          unique.map((e) => e.receivedAt),
          unique.map((e) => e.payload),
        ],
      );
      const lastEventAt = new Map<string, number>();
      for (const e of unique) lastEventAt.set(e.sourceId, Math.max(lastEventAt.get(e.sourceId) ?? 0, e.receivedAt));
      for (const [sourceId, at] of lastEventAt) {
        await client.query(`UPDATE sources SET last_event_at = to_timestamp($1 / 1000.0) WHERE id = $2`, [at, sourceId]);
      }
      await client.query("COMMIT");

      const positions = new Map(rows.map((row) => [`${row.source_id}\n${row.message_id}`, Number(row.position)]));
      return events.map((e, i) => {
        const key = `${e.sourceId}\n${e.messageId}`;
        const position = positions.get(key);
        return position !== undefined && firstIndex.get(key) === i ? { position, duplicate: false } : { position: null, duplicate: true };
      });
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async list(query: EventQuery): Promise<StoredEvent[]> {
    const { where, params } = whereClause(query);
    const { rows } = await this.pool.query<EventRow>(
      `SELECT * FROM events ${where} ORDER BY position DESC LIMIT $${params.length + 1}`,
      [...params, query.limit],
    );
    return rows.map(toStoredEvent);
  }

  async readAfter(query: { sourceIds: string[]; afterPosition: number; limit: number }): Promise<UnparsedEvent[]> {
    const pages = await Promise.all(
      query.sourceIds.map(async (sourceId) => {
        const { rows } = await this.pool.query<UnparsedRow>(
          `SELECT ${UNPARSED_COLUMNS} FROM events WHERE source_id = $1 AND position > $2 ORDER BY position LIMIT $3`,
          [sourceId, query.afterPosition, query.limit],
        );
        return rows.map(toUnparsedEvent);
      }),
    );
    return mergeByPosition(pages, query.limit);
  }

  async maxPosition(): Promise<number> {
    const { rows } = await this.pool.query<{ max: string | null }>(`SELECT max(position) AS max FROM events`);
    return Number(rows[0]?.max ?? 0);
  }

  async getByPositions(positions: number[]): Promise<UnparsedEvent[]> {
    if (positions.length === 0) return [];
    const { rows } = await this.pool.query<UnparsedRow>(`SELECT ${UNPARSED_COLUMNS} FROM events WHERE position = ANY($1::bigint[]) ORDER BY position`, [positions]);
    return rows.map(toUnparsedEvent);
  }

  async count(query: Omit<EventQuery, "limit" | "beforePosition">): Promise<number> {
    const { where, params } = whereClause(query);
    const { rows } = await this.pool.query<{ count: string }>(`SELECT count(*) FROM events ${where}`, params);
    return Number(rows[0]?.count ?? 0);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

function whereClause(query: Omit<EventQuery, "limit">): { where: string; params: Array<string | number> } {
  const conditions: string[] = [];
  const params: Array<string | number> = [];
  const add = (sql: string, value: string | number) => {
    params.push(value);
    conditions.push(`${sql} $${params.length}`);
  };
  if (query.sourceId) add("source_id =", query.sourceId);
  if (query.workspaceId) add("workspace_id =", query.workspaceId);
  if (query.beforePosition !== undefined) add("position <", query.beforePosition);
  return { where: conditions.length ? `WHERE ${conditions.join(" AND ")}` : "", params };
}

function columnsOf(row: Omit<EventRow, "payload">): EventReference {
  return {
    position: Number(row.position),
    workspaceId: row.workspace_id,
    sourceId: row.source_id,
    messageId: row.message_id,
    type: row.type,
    userId: row.user_id,
    anonymousId: row.anonymous_id,
    event: row.event,
    timestamp: row.timestamp.getTime(),
    receivedAt: row.received_at.getTime(),
  };
}

function toStoredEvent(row: EventRow): StoredEvent {
  return { ...columnsOf(row), payload: row.payload };
}

function toUnparsedEvent(row: UnparsedRow): UnparsedEvent {
  return { ...columnsOf(row), payloadJson: row.payload_json };
}
