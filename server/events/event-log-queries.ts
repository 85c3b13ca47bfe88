import type { Db } from "../db";

/**
 * The newest position in the event log, read through the Prisma client, for code that has no
 * event store open (the UI's API): 0 when the log is empty.
 */
export async function latestEventPosition(db: Db): Promise<number> {
  const rows = await db.$queryRawUnsafe<Array<{ max: bigint | number | string | null }>>(`SELECT max(position) AS max FROM events`);
  return Number(rows[0]?.max ?? 0);
}

/**
 * The user each of these events belongs to for ordering (userId, else anonymousId), read
 * through the Prisma client; events without either are left out.
 */
export async function userKeysAt(db: Db, positions: number[]): Promise<Map<number, string>> {
  if (positions.length === 0) return new Map();
  const list = positions.map((p) => Math.trunc(p)).join(",");
  const rows = await db.$queryRawUnsafe<Array<{ position: bigint | number; user_id: string | null; anonymous_id: string | null }>>(
    `SELECT position, user_id, anonymous_id FROM events WHERE position IN (${list})`,
  );
  const keys = new Map<number, string>();
  for (const row of rows) {
    const key = row.user_id || row.anonymous_id;
    if (key) keys.set(Number(row.position), key);
  }
  return keys;
}
