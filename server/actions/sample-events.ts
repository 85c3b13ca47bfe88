import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "../db";
import { AppError } from "../errors";

/** An event the editor can preview with. */
export type SampleView = {
  /** `builtin:<file>` or `event:<position>`. */
  id: string;
  label: string;
  origin: "builtin" | "recent";
  type: string;
  event: Record<string, unknown>;
  receivedAt?: string;
  sourceId?: string;
};

const SAMPLES_DIR = "mappings/samples";
/** Events are at most 32 KB at ingest; a pasted one is held to the same. */
export const MAX_SAMPLE_BYTES = 32 * 1024;

let builtIn: SampleView[] | undefined;

/** The samples shipped in `mappings/samples/`: one per call type and common semantic events. */
export function builtInSamples(): SampleView[] {
  builtIn ??= readdirSync(path.resolve(process.cwd(), SAMPLES_DIR))
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => {
      const event = JSON.parse(readFileSync(path.resolve(process.cwd(), SAMPLES_DIR, file), "utf8")) as Record<string, unknown>;
      const type = String(event.type ?? "");
      return { id: `builtin:${file.replace(/\.json$/, "")}`, label: labelOf(event), origin: "builtin" as const, type, event };
    });
  return builtIn;
}

function labelOf(event: Record<string, unknown>): string {
  const type = String(event.type ?? "event");
  if (type === "track" && typeof event.event === "string") return event.event;
  if ((type === "page" || type === "screen") && typeof event.name === "string") return `${type}: ${event.name}`;
  return type;
}

type EventRow = { position: bigint | number; source_id: string; type: string; event: string | null; received_at: bigint | number; payload: string };

/**
 * The newest events of the sources connected to a destination, optionally those whose name,
 * type, user or body contains `search`.
 */
export async function recentSamples(db: Db, workspaceId: string, destinationId: string, options: { search?: string; limit?: number } = {}): Promise<SampleView[]> {
  const destination = await db.destination.findFirst({ where: { id: destinationId, workspaceId }, include: { connections: { select: { sourceId: true } } } });
  if (!destination) throw new AppError("NOT_FOUND", `No destination with id "${destinationId}" in this workspace`);
  const sourceIds = destination.connections.map((c) => c.sourceId);
  if (sourceIds.length === 0) return [];
  const limit = Math.min(Math.max(options.limit ?? 20, 1), 100);
  const search = options.search?.trim() ?? "";
  const like = `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const scan = search ? limit * 20 : limit;
  // Newest first over each connected source; the search filters a bounded window of recent events.
  const rows: EventRow[] = [];
  for (const sourceId of sourceIds) {
    const found = search
      ? await db.$queryRaw<EventRow[]>`SELECT position, source_id, type, event, received_at, payload FROM (SELECT * FROM events WHERE source_id = ${sourceId} ORDER BY position DESC LIMIT ${scan}) recent WHERE lower(payload) LIKE ${like} ESCAPE '\\' ORDER BY position DESC LIMIT ${limit}`
      : await db.$queryRaw<EventRow[]>`SELECT position, source_id, type, event, received_at, payload FROM events WHERE source_id = ${sourceId} ORDER BY position DESC LIMIT ${limit}`;
    rows.push(...found);
  }
  return rows
    .sort((a, b) => Number(b.position) - Number(a.position))
    .slice(0, limit)
    .map((row) => {
      const event = JSON.parse(row.payload) as Record<string, unknown>;
      return {
        id: `event:${Number(row.position)}`,
        label: labelOf(event),
        origin: "recent" as const,
        type: row.type,
        event,
        receivedAt: new Date(Number(row.received_at)).toISOString(),
        sourceId: row.source_id,
      };
    });
}

/** Reads a pasted or hand-edited sample: a JSON object of at most 32 KB, or a clear reason why not. */
export function parsePastedSample(text: string): { ok: true; event: Record<string, unknown> } | { ok: false; message: string } {
  if (Buffer.byteLength(text, "utf8") > MAX_SAMPLE_BYTES) return { ok: false, message: "The sample is larger than 32 KB, the most an event may be" };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `The sample is not valid JSON: ${(error as Error).message}` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { ok: false, message: "The sample must be a JSON object, such as a track call" };
  return { ok: true, event: value as Record<string, unknown> };
}
