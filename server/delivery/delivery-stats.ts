import type { Db } from "../db";
import { AppError } from "../errors";
import { SqlParams, epochSecondsSql, sqlDialect, timestampParam } from "../sql/raw-sql";
import { ATTEMPT_STATUSES, type AttemptStatus } from "./delivery-log-page";

export const MINUTES_PER_DAY = 1440;

export type DeliveriesPerMinute = {
  /** The first minute's start (ISO); bucket i covers [from + i min, from + i + 1 min). */
  from: string;
  minutes: number;
  /** Attempts per minute for each outcome, oldest minute first. */
  counts: Record<AttemptStatus, number[]>;
  totals: Record<AttemptStatus, number>;
};

/**
 * A destination's delivery attempts per minute by outcome over the last 24 hours (the current
 * minute included): 1440 buckets, aggregated by the database.
 */
export async function deliveriesPerMinute(db: Db, workspaceId: string, destinationId: string, now = new Date()): Promise<DeliveriesPerMinute> {
  const destination = await db.destination.findFirst({ where: { id: destinationId, workspaceId }, select: { id: true } });
  if (!destination) throw new AppError("NOT_FOUND", `No destination with id "${destinationId}" in this workspace`);
  const lastMinute = Math.floor(now.getTime() / 60_000);
  const firstMinute = lastMinute - MINUTES_PER_DAY + 1;
  const params = new SqlParams(sqlDialect());
  const minute = `(${epochSecondsSql(params.dialect, "created_at")} / 60)`;
  const rows = await db.$queryRawUnsafe<Array<{ minute: bigint | number | string; status: string; n: bigint | number | string }>>(
    `SELECT ${minute} AS minute, status, count(*) AS n FROM delivery_attempts
     WHERE destination_id = ${params.add(destinationId)} AND created_at >= ${timestampParam(params, new Date(firstMinute * 60_000))}
     GROUP BY 1, 2`,
    ...params.values,
  );
  const counts = Object.fromEntries(ATTEMPT_STATUSES.map((s) => [s, new Array<number>(MINUTES_PER_DAY).fill(0)])) as Record<AttemptStatus, number[]>;
  const totals = Object.fromEntries(ATTEMPT_STATUSES.map((s) => [s, 0])) as Record<AttemptStatus, number>;
  for (const row of rows) {
    const index = Math.floor(Number(row.minute)) - firstMinute;
    const status = ATTEMPT_STATUSES.find((s) => s === row.status);
    if (!status || index < 0 || index >= MINUTES_PER_DAY) continue;
    counts[status][index]! += Number(row.n);
    totals[status] += Number(row.n);
  }
  return { from: new Date(firstMinute * 60_000).toISOString(), minutes: MINUTES_PER_DAY, counts, totals };
}
