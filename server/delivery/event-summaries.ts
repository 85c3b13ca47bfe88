import type { Db } from "../db";
import { SqlParams, sqlDialect } from "../sql/raw-sql";

/** What the delivery log shows of an event: enough to recognise it and to trace it. */
export type EventSummary = {
  position: number;
  sourceId: string;
  messageId: string;
  type: string;
  event: string | null;
  userId: string | null;
  anonymousId: string | null;
  receivedAt: string;
};

type SummaryRow = {
  position: bigint | number | string;
  source_id: string;
  message_id: string;
  type: string;
  event: string | null;
  user_id: string | null;
  anonymous_id: string | null;
  received_at_ms: bigint | number | string;
};

export function summaryColumns(dialect: "sqlite" | "postgres"): string {
  const receivedAt = dialect === "postgres" ? "(extract(epoch from received_at) * 1000)::bigint" : "received_at";
  return `position, source_id, message_id, type, event, user_id, anonymous_id, ${receivedAt} AS received_at_ms`;
}

export function toSummary(row: SummaryRow): EventSummary {
  return {
    position: Number(row.position),
    sourceId: row.source_id,
    messageId: row.message_id,
    type: row.type,
    event: row.event,
    userId: row.user_id,
    anonymousId: row.anonymous_id,
    receivedAt: new Date(Number(row.received_at_ms)).toISOString(),
  };
}

/** The events of a workspace at these positions, by position. */
export async function eventSummaries(db: Db, workspaceId: string, positions: number[]): Promise<Map<number, EventSummary>> {
  const unique = [...new Set(positions.map((p) => Math.trunc(p)))];
  if (unique.length === 0) return new Map();
  const params = new SqlParams(sqlDialect());
  const rows = await db.$queryRawUnsafe<SummaryRow[]>(
    `SELECT ${summaryColumns(params.dialect)} FROM events WHERE workspace_id = ${params.add(workspaceId)} AND position IN (${unique.join(",")})`,
    ...params.values,
  );
  return new Map(rows.map((row) => [Number(row.position), toSummary(row)]));
}
