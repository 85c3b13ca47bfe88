/** An event on its way into the log: normalised, validated, not yet stored. */
export type NewEvent = {
  workspaceId: string;
  sourceId: string;
  messageId: string;
  type: string;
  userId: string | null;
  anonymousId: string | null;
  /** The track event's name, or the page/screen name. */
  event: string | null;
  /** Milliseconds since the Unix epoch. */
  timestamp: number;
  receivedAt: number;
  /** The whole normalised event, serialised once as JSON. */
  payload: string;
};

/** An event as the log holds it. */
export type StoredEvent = Omit<NewEvent, "payload"> & {
  position: number;
  payload: Record<string, unknown>;
};

/** An event's columns without its payload: what the runner keeps of an event once it is planned. */
export type EventReference = Omit<StoredEvent, "payload">;

/**
 * An event as the runner reads it: its columns, and its payload still as JSON text. The runner
 * parses one payload at a time while it plans a page, so a page never holds every payload of
 * its events parsed at once (those objects outlived the young generation and made most of
 * the runner's heap).
 */
export type UnparsedEvent = EventReference & { payloadJson: string };

/** What happened to one appended event: stored at a position, or dropped as a duplicate. */
export type AppendOutcome = { position: number; duplicate: false } | { position: null; duplicate: true };

export type EventQuery = {
  workspaceId?: string;
  sourceId?: string;
  /** Only events with a position lower than this (for paging newest first). */
  beforePosition?: number;
  limit: number;
};

/**
 * The append-only event log. `append` commits all the given events in one transaction and
 * answers in the same order; it resolves only once they are durable.
 */
export interface EventStore {
  readonly kind: "sqlite" | "postgres";
  append(events: NewEvent[]): Promise<AppendOutcome[]>;
  /** Does the one-off work appending needs up front, so the first request does not pay for it. */
  prepareForAppends(): void;
  /** Newest first. */
  list(query: EventQuery): Promise<StoredEvent[]>;
  /** The first `limit` events of these sources after `afterPosition`, oldest first. */
  readAfter(query: { sourceIds: string[]; afterPosition: number; limit: number }): Promise<UnparsedEvent[]>;
  /** The newest position in the log (0 when empty). */
  maxPosition(): Promise<number>;
  /** The events at these positions (those that exist), oldest first. */
  getByPositions(positions: number[]): Promise<UnparsedEvent[]>;
  count(query: Omit<EventQuery, "limit" | "beforePosition">): Promise<number>;
  close(): Promise<void>;
}

/**
 * Merges per-source pages (each oldest first) into the first `limit` events overall. Reading
 * each source through its (source_id, position) index bounds the work by the page size even
 * when unconnected sources hold most of the log.
 */
export function mergeByPosition<T extends { position: number }>(pages: T[][], limit: number): T[] {
  return pages
    .flat()
    .sort((a, b) => a.position - b.position)
    .slice(0, limit);
}
