import { randomUUID } from "node:crypto";
import type { NewEvent } from "../events/event-store";
import { isCanonicalIso, parseIsoDate } from "./iso-date";
import { isPlainObject, type EventType, type RawEvent } from "./spec";

/** Fields of a batch request that apply to each of its events unless the event sets its own. */
export type BatchDefaults = {
  context?: Record<string, unknown>;
  integrations?: Record<string, unknown>;
  sentAt?: string;
};

export type SourceRef = { id: string; workspaceId: string };

function toId(value: unknown): string | null {
  if (typeof value === "string") return value.length > 0 ? value : null;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

function merge(defaults: Record<string, unknown>, own: unknown): Record<string, unknown> {
  return isPlainObject(own) ? { ...defaults, ...own } : defaults;
}

/**
 * When it happened, corrected for the device's clock: an explicit `timestamp` is kept;
 * otherwise `receivedAt - (sentAt - originalTimestamp)` (the time between the call and its
 * sending, measured on the device's clock, taken back from the server's clock).
 */
export function correctedTimestamp(event: RawEvent, sentAt: string | undefined, receivedAt: number): number {
  if (typeof event.timestamp === "string") return parseIsoDate(event.timestamp);
  if (typeof event.originalTimestamp === "string") {
    const original = parseIsoDate(event.originalTimestamp);
    if (sentAt === undefined) return original;
    return receivedAt - (parseIsoDate(sentAt) - original);
  }
  return receivedAt;
}

/** The moment a request was received, in both forms the log needs. */
export type ReceivedStamp = { ms: number; iso: string };

export function receivedNow(): ReceivedStamp {
  const ms = Date.now();
  return { ms, iso: new Date(ms).toISOString() };
}

/** An ISO-8601 date in the one form the log stores (UTC, milliseconds), without reparsing it when it already is. */
function canonicalIso(value: string): string {
  return isCanonicalIso(value) ? value : new Date(parseIsoDate(value)).toISOString();
}

/**
 * Stamps a valid event for the log: type from the endpoint, a messageId when it has none,
 * receivedAt, the clock-skew corrected timestamp, ids as strings, the batch's context and
 * integrations underneath the event's own. The write key is never stored.
 *
 * For speed on the ingest path this rewrites `event` in place: pass an object freshly parsed
 * from the request, which nothing else holds.
 */
export function normalizeEvent(
  event: RawEvent,
  type: EventType,
  source: SourceRef,
  received: ReceivedStamp,
  defaults: BatchDefaults = {},
): NewEvent {
  if (event.writeKey !== undefined) event.writeKey = undefined; // JSON.stringify drops undefined
  const sentAt = typeof event.sentAt === "string" ? event.sentAt : defaults.sentAt;
  const timestamp = correctedTimestamp(event, sentAt, received.ms);
  const messageId = typeof event.messageId === "string" ? event.messageId : `sy-${randomUUID()}`;
  const userId = toId(event.userId);
  const anonymousId = toId(event.anonymousId);

  event.type = type;
  event.messageId = messageId;
  if (userId !== null) event.userId = userId;
  if (anonymousId !== null) event.anonymousId = anonymousId;
  if (typeof event.groupId === "number") event.groupId = String(event.groupId);
  if (typeof event.previousId === "number") event.previousId = String(event.previousId);
  if (defaults.context) event.context = merge(defaults.context, event.context);
  if (defaults.integrations) event.integrations = merge(defaults.integrations, event.integrations);
  if (typeof event.originalTimestamp === "string") event.originalTimestamp = canonicalIso(event.originalTimestamp);
  if (sentAt !== undefined) event.sentAt = canonicalIso(sentAt);
  event.timestamp = typeof event.timestamp === "string" ? canonicalIso(event.timestamp) : new Date(timestamp).toISOString();
  event.receivedAt = received.iso;

  const name = type === "track" ? event.event : event.name;
  return {
    workspaceId: source.workspaceId,
    sourceId: source.id,
    messageId,
    type,
    userId,
    anonymousId,
    event: typeof name === "string" ? name : null,
    timestamp,
    receivedAt: received.ms,
    payload: JSON.stringify(event),
  };
}
