import type { Db } from "../db";
import { toSummary, summaryColumns, type EventSummary, type SummaryRow } from "../events/event-summary";
import { SqlParams, sqlDialect } from "../sql/raw-sql";

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
