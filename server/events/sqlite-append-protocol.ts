import type { NewEvent } from "./event-store";

/**
 * Messages between the event store and its writer thread. Events travel as one flat array
 * of primitives (ten per event), which the structured clone copies faster than objects.
 */
export type AppendRequest = { kind: "append"; id: number; rows: PackedRow[] } | { kind: "close" };
/** `positions[i]` is the stored position of event i, or 0 when it was a duplicate. */
export type AppendResponse = { id: number; positions: number[] } | { id: number; error: string };

type PackedRow = string | number | null;
const FIELDS_PER_EVENT = 10;

export function packEvents(events: NewEvent[]): PackedRow[] {
  const rows: PackedRow[] = new Array(events.length * FIELDS_PER_EVENT);
  let i = 0;
  for (const e of events) {
    rows[i++] = e.workspaceId;
    rows[i++] = e.sourceId;
    rows[i++] = e.messageId;
    rows[i++] = e.type;
    rows[i++] = e.userId;
    rows[i++] = e.anonymousId;
    rows[i++] = e.event;
    rows[i++] = e.timestamp;
    rows[i++] = e.receivedAt;
    rows[i++] = e.payload;
  }
  return rows;
}

export function unpackEvents(rows: PackedRow[]): NewEvent[] {
  const events: NewEvent[] = [];
  for (let i = 0; i < rows.length; i += FIELDS_PER_EVENT) {
    events.push({
      workspaceId: rows[i] as string,
      sourceId: rows[i + 1] as string,
      messageId: rows[i + 2] as string,
      type: rows[i + 3] as string,
      userId: rows[i + 4] as string | null,
      anonymousId: rows[i + 5] as string | null,
      event: rows[i + 6] as string | null,
      timestamp: rows[i + 7] as number,
      receivedAt: rows[i + 8] as number,
      payload: rows[i + 9] as string,
    });
  }
  return events;
}
