import { randomUUID } from "node:crypto";
import type { NewEvent } from "../events/event-store";
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

function merge(defaults: Record<string, unknown> | undefined, own: unknown): Record<string, unknown> | undefined {
  if (!defaults) return isPlainObject(own) ? own : undefined;
  return isPlainObject(own) ? { ...defaults, ...own } : defaults;
}

/**
 * When it happened, corrected for the device's clock: an explicit `timestamp` is kept;
 * otherwise `receivedAt - (sentAt - originalTimestamp)` (the time between the call and its
 * sending, measured on the device's clock, taken back from the server's clock).
 */
export function correctedTimestamp(event: RawEvent, sentAt: string | undefined, receivedAt: number): number {
  if (typeof event.timestamp === "string") return Date.parse(event.timestamp);
  if (typeof event.originalTimestamp === "string") {
    const original = Date.parse(event.originalTimestamp);
    if (sentAt === undefined) return original;
    return receivedAt - (Date.parse(sentAt) - original);
  }
  return receivedAt;
}

/**
 * Stamps a valid event for the log: type from the endpoint, a messageId when it has none,
 * receivedAt, the clock-skew corrected timestamp, ids as strings, the batch's context and
 * integrations underneath the event's own. The write key is never stored.
 */
export function normalizeEvent(
  raw: RawEvent,
  type: EventType,
  source: SourceRef,
  receivedAt: number,
  defaults: BatchDefaults = {},
): NewEvent {
  const { writeKey: _writeKey, ...event } = raw;
  const sentAt = typeof event.sentAt === "string" ? event.sentAt : defaults.sentAt;
  const timestamp = correctedTimestamp(event, sentAt, receivedAt);
  const messageId = typeof event.messageId === "string" ? event.messageId : `sy-${randomUUID()}`;
  const userId = toId(event.userId);
  const anonymousId = toId(event.anonymousId);

  const payload: Record<string, unknown> = { ...event, type, messageId };
  if (userId !== null) payload.userId = userId;
  if (anonymousId !== null) payload.anonymousId = anonymousId;
  for (const field of ["groupId", "previousId"] as const) {
    const id = toId(event[field]);
    if (id !== null) payload[field] = id;
  }
  const context = merge(defaults.context, event.context);
  if (context) payload.context = context;
  const integrations = merge(defaults.integrations, event.integrations);
  if (integrations) payload.integrations = integrations;
  if (typeof event.originalTimestamp === "string") payload.originalTimestamp = new Date(Date.parse(event.originalTimestamp)).toISOString();
  if (sentAt !== undefined) payload.sentAt = new Date(Date.parse(sentAt)).toISOString();
  payload.timestamp = new Date(timestamp).toISOString();
  payload.receivedAt = new Date(receivedAt).toISOString();

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
    receivedAt,
    payload: JSON.stringify(payload),
  };
}
