import type { Db } from "../db";

/**
 * The newest position in the event log, read through the Prisma client, for code that has no
 * event store open (the UI's API): 0 when the log is empty.
 */
export async function latestEventPosition(db: Db): Promise<number> {
  const rows = await db.$queryRawUnsafe<Array<{ max: bigint | number | string | null }>>(`SELECT max(position) AS max FROM events`);
  return Number(rows[0]?.max ?? 0);
}
