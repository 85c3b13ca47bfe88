import type { IngestIssue } from "./errors";

export const EVENT_TYPES = ["identify", "track", "page", "screen", "group", "alias"] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Segment's limits: 32 KB an event, 500 KB a batch request. */
export const MAX_EVENT_BYTES = 32 * 1024;
export const MAX_BATCH_BYTES = 500 * 1024;
/** Deeper payloads are refused: nothing legitimate nests this far, and deep trees are costly to map. */
export const MAX_DEPTH = 64;

export type RawEvent = Record<string, unknown>;

const OBJECT_FIELDS = ["properties", "traits", "context", "integrations"] as const;
const TIME_FIELDS = ["timestamp", "originalTimestamp", "sentAt"] as const;
const TYPE_LIST = EVENT_TYPES.join(", ");

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isIdentifier(value: unknown): value is string | number {
  return (typeof value === "string" && value.length > 0) || (typeof value === "number" && Number.isFinite(value));
}

function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/**
 * Whether `value` nests objects or arrays more than `limit` levels deep. The walk never goes
 * below `limit + 1` levels, so a hostile body nested thousands deep cannot overflow the stack.
 */
export function nestsDeeperThan(value: unknown, limit: number, depth = 1): boolean {
  if (typeof value !== "object" || value === null) return false;
  if (depth > limit) return true;
  if (Array.isArray(value)) {
    for (const child of value) if (typeof child === "object" && child !== null && nestsDeeperThan(child, limit, depth + 1)) return true;
    return false;
  }
  for (const key in value) {
    const child = (value as Record<string, unknown>)[key];
    if (typeof child === "object" && child !== null && nestsDeeperThan(child, limit, depth + 1)) return true;
  }
  return false;
}

/**
 * Checks one event against the Segment spec and returns every problem found (empty when
 * valid). `type` comes from the endpoint for single calls and from the event in a batch.
 */
export function validateEvent(event: unknown, type: unknown, index?: number): IngestIssue[] {
  const issues: IngestIssue[] = [];
  const issue = (field: string, message: string) => issues.push(index === undefined ? { field, message } : { index, field, message });

  if (!isPlainObject(event)) {
    issue("(event)", "must be a JSON object");
    return issues;
  }
  if (typeof type !== "string" || !(EVENT_TYPES as readonly string[]).includes(type)) {
    issue("type", type === undefined ? `is required (one of ${TYPE_LIST})` : `must be one of ${TYPE_LIST}`);
    return issues;
  }

  for (const field of ["userId", "anonymousId"] as const) {
    const value = event[field];
    if (isPresent(value) && typeof value !== "string" && !(typeof value === "number" && Number.isFinite(value))) {
      issue(field, "must be a string");
    }
  }
  if (type === "alias") {
    if (!isIdentifier(event.previousId)) issue("previousId", "is required for alias calls");
    if (!isIdentifier(event.userId)) issue("userId", "is required for alias calls");
  } else if (!isIdentifier(event.userId) && !isIdentifier(event.anonymousId)) {
    issue("userId", "userId or anonymousId is required");
  }
  if (type === "track") {
    if (!isPresent(event.event) || event.event === "") issue("event", "is required for track calls");
    else if (typeof event.event !== "string") issue("event", "must be a string");
  }
  if (type === "group" && !isIdentifier(event.groupId)) issue("groupId", "is required for group calls");
  for (const field of ["name", "category"] as const) {
    if (isPresent(event[field]) && typeof event[field] !== "string") issue(field, "must be a string");
  }
  if (isPresent(event.messageId) && (typeof event.messageId !== "string" || event.messageId.length === 0 || event.messageId.length > 255)) {
    issue("messageId", "must be a non-empty string of at most 255 characters");
  }
  for (const field of OBJECT_FIELDS) {
    if (isPresent(event[field]) && !isPlainObject(event[field])) issue(field, "must be an object");
  }
  for (const field of TIME_FIELDS) {
    const value = event[field];
    if (isPresent(value) && (typeof value !== "string" || Number.isNaN(Date.parse(value)))) {
      issue(field, "must be an ISO-8601 date string");
    }
  }
  if (nestsDeeperThan(event, MAX_DEPTH)) issue("(event)", `is nested more than ${MAX_DEPTH} levels deep`);
  return issues;
}
