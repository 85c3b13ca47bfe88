import type { Db } from "../db";
import { resolveDatabase } from "../database-url";

export const RATE_MINUTES = 60;

type Probe = { position: number; receivedAt: number };

function toMs(value: unknown): number {
  return value instanceof Date ? value.getTime() : Number(value);
}

async function firstAt(db: Db, position: number): Promise<Probe | null> {
  const rows = await db.$queryRaw<Array<{ position: bigint | number; received_at: unknown }>>`
    SELECT position, received_at FROM events WHERE position >= ${position} ORDER BY position LIMIT 1`;
  const row = rows[0];
  return row ? { position: Number(row.position), receivedAt: toMs(row.received_at) } : null;
}

/**
 * The first position of the log received at or after `since`, found by a binary search over
 * positions (primary-key lookups only), so the cost does not grow with the log's length.
 * Receive times follow positions closely but not exactly (concurrent commits): callers
 * start a little earlier and still filter on the time.
 */
export async function firstPositionSince(db: Db, since: number): Promise<number | null> {
  const bounds = await db.$queryRaw<Array<{ lo: bigint | number | null; hi: bigint | number | null }>>`
    SELECT min(position) AS lo, max(position) AS hi FROM events`;
  if (bounds[0]?.lo == null || bounds[0].hi == null) return null;
  let lo = Number(bounds[0].lo);
  let hi = Number(bounds[0].hi);
  const last = await firstAt(db, hi);
  if (!last || last.receivedAt < since) return null;
  // The first event at or after a position receives later the later the position: search for
  // the smallest position whose first event is recent enough.
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const probe = await firstAt(db, mid);
    if (!probe || probe.receivedAt >= since) hi = mid;
    else lo = Math.min(probe.position + 1, hi);
  }
  return lo;
}

/**
 * Events per minute of each source of a workspace over the last hour, oldest minute first
 * (index 59 is the current minute). Reads only the hour's events through the
 * (workspace_id, position) index.
 */
export async function eventsPerMinute(db: Db, workspaceId: string, now: number = Date.now()): Promise<Map<string, number[]>> {
  const currentMinuteStart = Math.floor(now / 60_000) * 60_000;
  const since = currentMinuteStart - (RATE_MINUTES - 1) * 60_000;
  const counts = new Map<string, number[]>();
  const from = await firstPositionSince(db, since - 60_000);
  if (from === null) return counts;
  const rows =
    resolveDatabase().kind === "postgres"
      ? await db.$queryRaw<Array<{ source_id: string; minute: number | bigint; count: number | bigint }>>`
          SELECT source_id, floor((extract(epoch FROM received_at) * 1000 - ${since}::float8) / 60000)::int AS minute, count(*)::int AS count
          FROM events
          WHERE workspace_id = ${workspaceId} AND position >= ${from}::bigint AND received_at >= ${new Date(since)}
          GROUP BY 1, 2`
      : await db.$queryRaw<Array<{ source_id: string; minute: number | bigint; count: number | bigint }>>`
          SELECT source_id, CAST((received_at - ${since}) / 60000 AS INTEGER) AS minute, count(*) AS count
          FROM events
          WHERE workspace_id = ${workspaceId} AND position >= ${from} AND received_at >= ${since}
          GROUP BY 1, 2`;
  for (const row of rows) {
    const minute = Number(row.minute);
    if (minute < 0 || minute >= RATE_MINUTES) continue;
    let series = counts.get(row.source_id);
    if (!series) counts.set(row.source_id, (series = new Array<number>(RATE_MINUTES).fill(0)));
    series[minute] = Number(row.count);
  }
  return counts;
}
