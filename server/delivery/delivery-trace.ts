import type { Db } from "../db";
import { AppError } from "../errors";
import { SqlParams, sqlDialect, timestampParam, type SqlDialect } from "../sql/raw-sql";
import { attemptViews, type AttemptView } from "./delivery-log-page";
import { summaryColumns, toSummary, type EventSummary } from "../events/event-summary";

/**
 * Where a messageId is looked for on SQLite, which has no index on it (deduplication there
 * keeps its window in memory): the newest events of the workspace.
 */
export const SQLITE_MESSAGE_ID_WINDOW = 100_000;
const ATTEMPTS_PER_EVENT = 100;

export type TraceOutcome = "succeeded" | "partial" | "retrying" | "failed" | "dead letter" | "no action matched" | "waiting";

export type DestinationTrace = {
  destinationId: string;
  name: string;
  type: string;
  outcome: TraceOutcome;
  attempts: AttemptView[];
  deadLetters: Array<{ id: string; actionId: string; attempts: number; error: string; createdAt: string; redriven: boolean }>;
  pendingRetries: Array<{ actionId: string; attempts: number; nextAttemptAt: string; lastError: string }>;
};

export type EventTrace = { event: EventSummary; destinations: DestinationTrace[] };

type SummaryRow = Parameters<typeof toSummary>[0];

async function findEvents(db: Db, workspaceId: string, target: { position?: number; messageId?: string }): Promise<EventSummary[]> {
  const dialect = sqlDialect();
  const params = new SqlParams(dialect);
  let sql: string;
  if (target.position !== undefined) {
    sql = `SELECT ${summaryColumns(dialect)} FROM events WHERE workspace_id = ${params.add(workspaceId)} AND position = ${params.add(Math.trunc(target.position))}`;
  } else if (dialect === "postgres") {
    sql = `SELECT ${summaryColumns(dialect)} FROM events WHERE source_id IN (SELECT id FROM sources WHERE workspace_id = ${params.add(workspaceId)}) AND message_id = ${params.add(target.messageId)} ORDER BY position LIMIT 10`;
  } else {
    sql = `SELECT ${summaryColumns(dialect)} FROM (SELECT * FROM events WHERE workspace_id = ${params.add(workspaceId)} ORDER BY position DESC LIMIT ${SQLITE_MESSAGE_ID_WINDOW}) AS recent WHERE message_id = ${params.add(target.messageId)} ORDER BY position LIMIT 10`;
  }
  const rows = await db.$queryRawUnsafe<SummaryRow[]>(sql, ...params.values);
  return rows.map(toSummary);
}

function carries(dialect: SqlDialect, params: SqlParams, position: number): string {
  return dialect === "postgres"
    ? `a.event_positions::jsonb @> ${params.add(JSON.stringify([position]))}::jsonb`
    : `EXISTS (SELECT 1 FROM json_each(a.event_positions) AS j WHERE j.value = ${params.add(position)})`;
}

/** The attempts of the workspace's destinations that carried the event (they all happen after it arrived). */
async function attemptIdsFor(db: Db, workspaceId: string, event: EventSummary): Promise<string[]> {
  const dialect = sqlDialect();
  const params = new SqlParams(dialect);
  const rows = await db.$queryRawUnsafe<Array<{ id: string }>>(
    `SELECT a.id FROM delivery_attempts a JOIN destinations d ON d.id = a.destination_id
     WHERE d.workspace_id = ${params.add(workspaceId)} AND a.created_at >= ${timestampParam(params, new Date(Date.parse(event.receivedAt) - 60_000))}
       AND ${carries(dialect, params, event.position)}
     ORDER BY a.created_at LIMIT ${ATTEMPTS_PER_EVENT}`,
    ...params.values,
  );
  return rows.map((r) => r.id);
}

function outcomeOf(trace: Omit<DestinationTrace, "outcome">, cursorPosition: number, position: number): TraceOutcome {
  if (trace.deadLetters.some((d) => !d.redriven)) return "dead letter";
  if (trace.pendingRetries.length > 0) return "retrying";
  const last = trace.attempts[trace.attempts.length - 1];
  if (last) return (["succeeded", "partial", "retrying", "failed"] as const).find((s) => s === last.status) ?? "failed";
  return cursorPosition >= position ? "no action matched" : "waiting";
}

async function traceOne(db: Db, workspaceId: string, event: EventSummary): Promise<EventTrace> {
  const position = BigInt(event.position);
  const [attemptIds, deadLetters, retries, connections] = await Promise.all([
    attemptIdsFor(db, workspaceId, event),
    db.deadLetter.findMany({ where: { eventPosition: position, destination: { workspaceId } }, orderBy: { createdAt: "asc" } }),
    db.deliveryRetry.findMany({ where: { eventPosition: position, destination: { workspaceId } } }),
    db.connection.findMany({ where: { sourceId: event.sourceId }, select: { destinationId: true } }),
  ]);
  const attemptRows = await db.deliveryAttempt.findMany({ where: { id: { in: attemptIds } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const attempts = await attemptViews(db, workspaceId, attemptRows);
  const destinationIds = new Set([...connections.map((c) => c.destinationId), ...attemptRows.map((a) => a.destinationId), ...deadLetters.map((d) => d.destinationId), ...retries.map((r) => r.destinationId)]);
  const destinations = await db.destination.findMany({
    where: { id: { in: [...destinationIds] }, workspaceId },
    select: { id: true, name: true, type: true, cursor: { select: { position: true } } },
    orderBy: { createdAt: "asc" },
  });
  return {
    event,
    destinations: destinations.map((d) => {
      const trace = {
        destinationId: d.id,
        name: d.name,
        type: d.type,
        attempts: attempts.filter((_, i) => attemptRows[i]!.destinationId === d.id),
        deadLetters: deadLetters
          .filter((l) => l.destinationId === d.id)
          .map((l) => ({ id: l.id, actionId: l.actionId, attempts: l.attempts, error: l.error, createdAt: l.createdAt.toISOString(), redriven: l.redrivenAt !== null })),
        pendingRetries: retries
          .filter((r) => r.destinationId === d.id)
          .map((r) => ({ actionId: r.actionId, attempts: r.attempts, nextAttemptAt: r.nextAttemptAt.toISOString(), lastError: r.lastError })),
      };
      return { ...trace, outcome: outcomeOf(trace, Number(d.cursor?.position ?? 0), event.position) };
    }),
  };
}

/** One event (by position or messageId) followed across every destination of the workspace. */
export async function traceEvent(db: Db, workspaceId: string, target: { position?: number; messageId?: string }): Promise<EventTrace[]> {
  if (target.position === undefined && !target.messageId?.trim()) throw new AppError("BAD_REQUEST", "Give an event position or a messageId to trace");
  const events = await findEvents(db, workspaceId, { position: target.position, messageId: target.messageId?.trim() });
  return Promise.all(events.map((event) => traceOne(db, workspaceId, event)));
}
