import type { AppendOutcome, NewEvent } from "./event-store";

/**
 * Events on their way to the SQLite writer, as one flat array of primitives: the structured
 * clone copies that several times faster than objects, and the writer binds straight from it.
 * Events of one request share their workspace, source and receivedAt, so the array is a list
 * of runs: `workspaceId, sourceId, receivedAt, count`, then `count` times the seven values of
 * `EVENT_FIELDS`.
 */
export type PackedEvents = Array<string | number | null>;

export const RUN_HEADER = 4;
/** messageId, type, userId, anonymousId, event, timestamp, payload. */
export const EVENT_FIELDS = 7;

export function packEvents(events: NewEvent[]): PackedEvents {
  const packed: PackedEvents = [];
  let countAt = -1;
  let previous: NewEvent | undefined;
  for (const e of events) {
    if (!previous || e.sourceId !== previous.sourceId || e.workspaceId !== previous.workspaceId || e.receivedAt !== previous.receivedAt) {
      countAt = packed.length + 3;
      packed.push(e.workspaceId, e.sourceId, e.receivedAt, 0);
    }
    (packed[countAt] as number)++;
    packed.push(e.messageId, e.type, e.userId, e.anonymousId, e.event, e.timestamp, e.payload);
    previous = e;
  }
  return packed;
}

/** How many events a packed array holds. */
export function packedCount(packed: PackedEvents): number {
  let count = 0;
  for (let i = 0; i < packed.length; i += RUN_HEADER + (packed[i + 3] as number) * EVENT_FIELDS) count += packed[i + 3] as number;
  return count;
}

/**
 * What became of a packed append, compactly: the events stored got consecutive positions from
 * `first` on (one writer, AUTOINCREMENT), in order, skipping those listed as duplicates.
 */
export type PackedOutcome = { first: number; duplicates: number[] };

export function unpackOutcome(outcome: PackedOutcome, count: number): AppendOutcome[] {
  const outcomes: AppendOutcome[] = new Array(count);
  let position = outcome.first;
  let d = 0;
  for (let i = 0; i < count; i++) {
    if (outcome.duplicates[d] === i) {
      outcomes[i] = { position: null, duplicate: true };
      d++;
    } else {
      outcomes[i] = { position: position++, duplicate: false };
    }
  }
  return outcomes;
}

/** Messages between the event store and its writer thread. */
export type AppendRequest = { kind: "append"; id: number; events: PackedEvents } | { kind: "close" };
export type AppendResponse = { id: number; outcome: PackedOutcome } | { id: number; error: string };
