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
  readAfter(query: { sourceIds: string[]; afterPosition: number; limit: number }): Promise<StoredEvent[]>;
  /** The newest position in the log (0 when empty). */
  maxPosition(): Promise<number>;
  /** The events at these positions (those that exist), oldest first. */
  getByPositions(positions: number[]): Promise<StoredEvent[]>;
  count(query: Omit<EventQuery, "limit" | "beforePosition">): Promise<number>;
  close(): Promise<void>;
}

/**
 * Merges per-source pages (each oldest first) into the first `limit` events overall. Reading
 * each source through its (source_id, position) index bounds the work by the page size even
 * when unconnected sources hold most of the log.
 */
export function mergeByPosition(pages: StoredEvent[][], limit: number): StoredEvent[] {
  return pages
    .flat()
    .sort((a, b) => a.position - b.position)
    .slice(0, limit);
}
