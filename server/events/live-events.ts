import type { Db } from "../db";
import { AppError } from "../errors";
import { latestEventPosition } from "./event-log-queries";
import { summaryColumns, toSummary, type EventSummary, type SummaryRow } from "./event-summary";
import { SqlParams, sqlDialect, type SqlDialect } from "../sql/raw-sql";

export const EVENT_TYPES = ["track", "identify", "page", "screen", "group", "alias"] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** How many of the newest events of the scope a text search reads, so that it stays cheap on a large log. */
export const TEXT_SEARCH_WINDOW = 10_000;

export type LiveEvent = EventSummary & {
  /** The whole normalised event as it is stored. */
  payload: Record<string, unknown>;
};

export type LiveEventsQuery = {
  workspaceId: string;
  /** One source's events; all the workspace's when absent. */
  sourceId?: string;
  /** Only events after this position (the `cursor` of the previous answer): what arrived since. */
  afterPosition?: number;
  /** Only events before this position (the `olderBefore` of a previous answer): the next older page. */
  beforePosition?: number;
  type?: EventType;
  /** Matched case-insensitively in the event name, userId, anonymousId, messageId and the payload. */
  text?: string;
  limit?: number;
};

export type LiveEventsPage = {
  /** Newest first. */
  events: LiveEvent[];
  /** The newest position this answer covers: ask for events after it next. */
  cursor: number;
  /** Where older events continue (pass as `beforePosition`), or null when none are left. */
  olderBefore: number | null;
};

type EventRow = SummaryRow & { payload: string };

function columns(dialect: SqlDialect): string {
  const payload = dialect === "postgres" ? "payload::text" : "payload";
  return `${summaryColumns(dialect)}, ${payload} AS payload`;
}

function toLiveEvent(row: EventRow): LiveEvent {
  return { ...toSummary(row), payload: JSON.parse(row.payload) as Record<string, unknown> };
}

/**
 * The newest events of a source or workspace, for the live view: the first call reads the
 * newest page, later calls pass the previous `cursor` and get only what arrived since.
 * With `wait`, a call with `afterPosition` waits (checking the log's newest position every
 * 100 ms) until a matching event arrives, so the browser hears of it at once with few requests.
 * The cursor is the log's newest position at the time of reading; on PostgreSQL positions
 * become visible in order (group commits hold an advisory lock), so nothing below it can
 * appear later and a poll never misses an event.
 */
export async function readLiveEvents(db: Db, query: LiveEventsQuery, wait: LongPoll = {}): Promise<LiveEventsPage> {
  if (query.sourceId) {
    const source = await db.source.findFirst({ where: { id: query.sourceId, workspaceId: query.workspaceId }, select: { id: true } });
    if (!source) throw new AppError("NOT_FOUND", `No source with id "${query.sourceId}" in this workspace`);
  }
  let page = await readPage(db, query);
  if (query.afterPosition === undefined || !wait.waitMs) return page;
  const deadline = Date.now() + wait.waitMs;
  // Long poll: answer as soon as a matching event arrives, else with nothing once the wait is over.
  while (page.events.length === 0 && Date.now() < deadline && !wait.signal?.aborted) {
    await new Promise((resolve) => setTimeout(resolve, wait.checkEveryMs ?? 100));
    if ((await latestEventPosition(db)) <= page.cursor) continue;
    page = await readPage(db, { ...query, afterPosition: page.cursor });
  }
  return page;
}

/** How long a call with `afterPosition` may wait for a new event before answering with none. */
export type LongPoll = { waitMs?: number; checkEveryMs?: number; signal?: AbortSignal };

async function readPage(db: Db, query: LiveEventsQuery): Promise<LiveEventsPage> {
  const limit = Math.min(Math.max(query.limit ?? 100, 1), 500);
  const dialect = sqlDialect();
  const horizon = await latestEventPosition(db);
  const text = query.text?.trim().toLowerCase() ?? "";

  const scope = new SqlParams(dialect);
  const conditions = [query.sourceId ? `source_id = ${scope.add(query.sourceId)}` : `workspace_id = ${scope.add(query.workspaceId)}`];
  conditions.push(`position <= ${scope.add(horizon)}`);
  if (query.afterPosition !== undefined) conditions.push(`position > ${scope.add(Math.trunc(query.afterPosition))}`);
  if (query.beforePosition !== undefined) conditions.push(`position < ${scope.add(Math.trunc(query.beforePosition))}`);
  const scopeSql = `SELECT * FROM events WHERE ${conditions.join(" AND ")} ORDER BY position DESC`;

  const filters: string[] = [];
  if (query.type) filters.push(`type = ${scope.add(query.type)}`);
  if (text) {
    const contains = (column: string) => (dialect === "postgres" ? `strpos(lower(${column}), ${scope.add(text)}) > 0` : `instr(lower(${column}), ${scope.add(text)}) > 0`);
    const payload = dialect === "postgres" ? "payload::text" : "payload";
    filters.push(`(${["coalesce(event, '')", "coalesce(user_id, '')", "coalesce(anonymous_id, '')", "message_id", payload].map(contains).join(" OR ")})`);
  }
  // A text search reads a bounded window of the newest events in scope; other filters use the indexes alone.
  const source = text ? `(${scopeSql} LIMIT ${TEXT_SEARCH_WINDOW}) AS scoped` : "events";
  const where = text ? filters : [...conditions, ...filters];
  const rows = await db.$queryRawUnsafe<EventRow[]>(
    `SELECT ${columns(dialect)} FROM ${source} ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY position DESC LIMIT ${limit}`,
    ...scope.values,
  );
  const events = rows.map(toLiveEvent);

  let olderBefore: number | null = null;
  if (events.length === limit) olderBefore = events[events.length - 1]!.position;
  else if (text) {
    // Fewer matches than asked for: older events are left only if the window was full.
    const windowRows = await db.$queryRawUnsafe<Array<{ n: bigint | number; low: bigint | number | null }>>(
      `SELECT count(*) AS n, min(position) AS low FROM (SELECT position FROM events WHERE ${conditions.join(" AND ")} ORDER BY position DESC LIMIT ${TEXT_SEARCH_WINDOW}) AS scoped`,
      ...scope.values.slice(0, conditions.length),
    );
    const window = windowRows[0];
    if (window && Number(window.n) === TEXT_SEARCH_WINDOW && window.low !== null) olderBefore = Number(window.low);
  }
  return { events, cursor: Math.max(horizon, query.afterPosition ?? 0), olderBefore };
}
