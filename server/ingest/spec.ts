import type { IngestIssue } from "./errors";
import { parseIsoDate } from "./iso-date";

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

/** Shared answer for the (usual) event without problems: never modified. */
const NO_ISSUES: IngestIssue[] = Object.freeze([]) as unknown as IngestIssue[];
const TYPES = new Set<string>(EVENT_TYPES);

function addIssue(issues: IngestIssue[], index: number | undefined, field: string, message: string): IngestIssue[] {
  const list = issues === NO_ISSUES ? [] : issues;
  list.push(index === undefined ? { field, message } : { index, field, message });
  return list;
}

function isBadDate(value: unknown): boolean {
  return isPresent(value) && (typeof value !== "string" || Number.isNaN(parseIsoDate(value)));
}

/**
 * Checks one event against the Segment spec and returns every problem found (empty when
 * valid). `type` comes from the endpoint for single calls and from the event in a batch.
 * Written without closures or temporary arrays: it runs for every event received.
 */
export function validateEvent(event: unknown, type: unknown, index?: number): IngestIssue[] {
  let issues = NO_ISSUES;
  if (!isPlainObject(event)) return addIssue(issues, index, "(event)", "must be a JSON object");
  if (typeof type !== "string" || !TYPES.has(type)) {
    return addIssue(issues, index, "type", type === undefined ? `is required (one of ${TYPE_LIST})` : `must be one of ${TYPE_LIST}`);
  }

  const { userId, anonymousId } = event;
  if (isPresent(userId) && typeof userId !== "string" && !(typeof userId === "number" && Number.isFinite(userId))) {
    issues = addIssue(issues, index, "userId", "must be a string");
  }
  if (isPresent(anonymousId) && typeof anonymousId !== "string" && !(typeof anonymousId === "number" && Number.isFinite(anonymousId))) {
    issues = addIssue(issues, index, "anonymousId", "must be a string");
  }
  if (type === "alias") {
    if (!isIdentifier(event.previousId)) issues = addIssue(issues, index, "previousId", "is required for alias calls");
    if (!isIdentifier(userId)) issues = addIssue(issues, index, "userId", "is required for alias calls");
  } else if (!isIdentifier(userId) && !isIdentifier(anonymousId)) {
    issues = addIssue(issues, index, "userId", "userId or anonymousId is required");
  }
  if (type === "track") {
    if (!isPresent(event.event) || event.event === "") issues = addIssue(issues, index, "event", "is required for track calls");
    else if (typeof event.event !== "string") issues = addIssue(issues, index, "event", "must be a string");
  }
  if (type === "group" && !isIdentifier(event.groupId)) issues = addIssue(issues, index, "groupId", "is required for group calls");
  if (isPresent(event.name) && typeof event.name !== "string") issues = addIssue(issues, index, "name", "must be a string");
  if (isPresent(event.category) && typeof event.category !== "string") issues = addIssue(issues, index, "category", "must be a string");
  const { messageId } = event;
  if (isPresent(messageId) && (typeof messageId !== "string" || messageId.length === 0 || messageId.length > 255)) {
    issues = addIssue(issues, index, "messageId", "must be a non-empty string of at most 255 characters");
  }
  for (const field of OBJECT_FIELDS) {
    if (isPresent(event[field]) && !isPlainObject(event[field])) issues = addIssue(issues, index, field, "must be an object");
  }
  for (const field of TIME_FIELDS) {
    if (isBadDate(event[field])) issues = addIssue(issues, index, field, "must be an ISO-8601 date string");
  }
  if (nestsDeeperThan(event, MAX_DEPTH)) issues = addIssue(issues, index, "(event)", `is nested more than ${MAX_DEPTH} levels deep`);
  return issues;
}
