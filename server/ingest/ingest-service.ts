import type { GroupCommitWriter } from "../events/group-commit";
import type { NewEvent } from "../events/event-store";
import { enrichContext, type RequestFacts } from "./enrich-context";
import { IngestError, type IngestIssue } from "./errors";
import { normalizeEvent, receivedNow, type BatchDefaults } from "./normalize";
import { isPlainObject, MAX_EVENT_BYTES, validateEvent, type EventType } from "./spec";
import { writeKeyOf, type WriteKeyResolver } from "./write-keys";

export type IngestRequest = {
  /** The call type of a single-event endpoint, or "batch". */
  call: EventType | "batch";
  body: unknown;
  authorization?: string;
  origin?: string;
  /** What the connection says about the sender (its address), added to each event's context. */
  facts?: RequestFacts;
};

export type IngestResult = {
  /** 200 when every event was stored (or was a duplicate); 400 when some were refused. */
  status: 200 | 400;
  body: {
    success: boolean;
    accepted: number;
    duplicates: number;
    error?: string;
    details?: IngestIssue[];
  };
};

/**
 * Takes one parsed ingest request to the log: authenticates the write key, validates and
 * normalises each event, stores the valid ones (refusing none for the sake of another) and
 * answers once they are committed.
 */
export class IngestService {
  constructor(
    private readonly writeKeys: WriteKeyResolver,
    private readonly writer: GroupCommitWriter,
  ) {}

  async ingest(request: IngestRequest): Promise<IngestResult> {
    const { body } = request;
    if (!isPlainObject(body)) throw new IngestError(400, "invalid_body", "Body must be a JSON object");

    const writeKey = writeKeyOf(request.authorization, body);
    if (!writeKey) throw new IngestError(401, "missing_write_key", "No write key: send it as the HTTP Basic user name or as writeKey in the body");
    const source = await this.writeKeys.resolve(writeKey);
    if (!source) throw new IngestError(401, "invalid_write_key", "Unknown write key");
    if (!source.enabled) throw new IngestError(401, "source_disabled", "This source is disabled");
    if (request.origin && source.allowedOrigins.length > 0 && !source.allowedOrigins.includes(request.origin)) {
      throw new IngestError(403, "origin_not_allowed", `Origin ${request.origin} may not send to this source`);
    }

    const received = receivedNow();
    const issues: IngestIssue[] = [];
    const events: NewEvent[] = [];
    const take = (raw: unknown, type: unknown, defaults: BatchDefaults, index?: number) => {
      const found = validateEvent(raw, type, index);
      if (found.length > 0) {
        issues.push(...found);
        return;
      }
      if (request.facts) enrichContext(raw as Record<string, unknown>, request.facts, defaults.context);
      const event = normalizeEvent(raw as Record<string, unknown>, type as EventType, source, received, defaults);
      const bytes = Buffer.byteLength(event.payload);
      if (bytes > MAX_EVENT_BYTES) {
        const message = `is ${Math.ceil(bytes / 1024)} KB, over the ${MAX_EVENT_BYTES / 1024} KB limit`;
        if (index === undefined) throw new IngestError(413, "event_too_large", `Event ${message}`, [{ field: "(event)", message }]);
        issues.push({ index, field: "(event)", message });
        return;
      }
      events.push(event);
    };

    if (request.call === "batch") {
      if (!Array.isArray(body.batch)) throw new IngestError(400, "invalid_batch", "batch must be an array of events", [{ field: "batch", message: "must be an array of events" }]);
      if (body.batch.length === 0) throw new IngestError(400, "empty_batch", "batch is empty", [{ field: "batch", message: "must contain at least one event" }]);
      const defaults = batchDefaults(body);
      body.batch.forEach((raw, index) => take(raw, isPlainObject(raw) ? raw.type : undefined, defaults, index));
    } else {
      take(body, request.call, {});
    }

    const outcomes = await this.writer.append(events);
    const duplicates = outcomes.filter((o) => o.duplicate).length;
    const accepted = outcomes.length - duplicates;
    if (issues.length === 0) return { status: 200, body: { success: true, accepted, duplicates } };

    const refused = request.call === "batch" ? new Set(issues.map((i) => i.index)).size : 1;
    const error =
      request.call === "batch"
        ? `${refused} of ${(body.batch as unknown[]).length} events are invalid and were not stored; the other ${outcomes.length} were accepted`
        : "The event is invalid and was not stored";
    return { status: 400, body: { success: false, accepted, duplicates, error, details: issues } };
  }
}

/** The batch's own context, integrations and sentAt; they apply to every event, so a bad one refuses the request. */
function batchDefaults(body: Record<string, unknown>): BatchDefaults {
  const defaults: BatchDefaults = {};
  const problems: IngestIssue[] = [];
  for (const field of ["context", "integrations"] as const) {
    const value = body[field];
    if (value === undefined || value === null) continue;
    if (isPlainObject(value)) defaults[field] = value;
    else problems.push({ field, message: "must be an object" });
  }
  if (body.sentAt !== undefined && body.sentAt !== null) {
    if (typeof body.sentAt === "string" && !Number.isNaN(Date.parse(body.sentAt))) defaults.sentAt = body.sentAt;
    else problems.push({ field: "sentAt", message: "must be an ISO-8601 date string" });
  }
  if (problems.length > 0) throw new IngestError(400, "invalid_batch", "The batch's own fields are invalid; no event was stored", problems);
  return defaults;
}
