import type { DatabaseTarget } from "../database-url";
import type { EventStore } from "./event-store";
import { PostgresEventStore } from "./postgres-event-store";
import { SqliteEventStore } from "./sqlite-event-store";

/** Opens the event log of the configured database. */
export function openEventStore(target: DatabaseTarget, options: { appendInWorker?: boolean } = {}): EventStore {
  if (target.kind === "postgres") return new PostgresEventStore(target.url);
  return new SqliteEventStore(target.file, {
    appendInWorker: options.appendInWorker,
    dedupeWindowEvents: numberFromEnv("SWITCHYARD_DEDUPE_WINDOW_EVENTS"),
    dedupeWindowMs: numberFromEnv("SWITCHYARD_DEDUPE_WINDOW_HOURS", 3600_000),
  });
}

function numberFromEnv(name: string, unit = 1): number | undefined {
  const raw = process.env[name];
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value * unit;
}
