import type { Db } from "../db";
import { AppError } from "../errors";
import type { EventSummary } from "../events/event-summary";
import { eventSummaries } from "./event-summaries";

export const ATTEMPT_STATUSES = ["succeeded", "retrying", "failed", "partial"] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

/** Events shown with each attempt; a batch names its first ones and says how many it carried. */
const EVENTS_SHOWN = 5;

export type AttemptView = {
  id: string;
  actionId: string;
  actionName: string;
  status: string;
  eventCount: number;
  eventPositions: number[];
  /** The first events the request carried (those still in the log). */
  events: EventSummary[];
  /** Method, URL, headers and body as sent, secrets masked. */
  request: unknown;
  responseStatus: number | null;
  responseBody: string | null;
  durationMs: number;
  error: string | null;
  createdAt: string;
};

export type AttemptPage = { attempts: AttemptView[]; /** Pass as `before` for the next older page; null at the end. */ nextBefore: string | null };

type AttemptRow = Awaited<ReturnType<Db["deliveryAttempt"]["findFirstOrThrow"]>>;

/** Turns attempt rows into views with their action names and first events. */
export async function attemptViews(db: Db, workspaceId: string, rows: AttemptRow[]): Promise<AttemptView[]> {
  const positionsOf = new Map(rows.map((r) => [r.id, JSON.parse(r.eventPositions) as number[]]));
  const shown = [...positionsOf.values()].flatMap((positions) => positions.slice(0, EVENTS_SHOWN));
  const [events, actions] = await Promise.all([
    eventSummaries(db, workspaceId, shown),
    db.action.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.actionId))] } }, select: { id: true, name: true } }),
  ]);
  const actionNames = new Map(actions.map((a) => [a.id, a.name]));
  return rows.map((r) => {
    const positions = positionsOf.get(r.id) ?? [];
    return {
      id: r.id,
      actionId: r.actionId,
      actionName: actionNames.get(r.actionId) ?? "Deleted action",
      status: r.status,
      eventCount: r.eventCount,
      eventPositions: positions,
      events: positions.slice(0, EVENTS_SHOWN).flatMap((p) => events.get(p) ?? []),
      request: JSON.parse(r.request) as unknown,
      responseStatus: r.responseStatus,
      responseBody: r.responseBody,
      durationMs: r.durationMs,
      error: r.error,
      createdAt: r.createdAt.toISOString(),
    };
  });
}

function parseBefore(before: string): { createdAt: Date; id: string } {
  const [at, id] = before.split("|");
  const createdAt = new Date(at ?? "");
  if (!id || Number.isNaN(createdAt.getTime())) throw new AppError("BAD_REQUEST", "before: not a position in the delivery log");
  return { createdAt, id };
}

/** A destination's delivery attempts, newest first, a page at a time, optionally of one status. */
export async function deliveryLogPage(
  db: Db,
  workspaceId: string,
  destinationId: string,
  options: { status?: AttemptStatus; before?: string; limit?: number } = {},
): Promise<AttemptPage> {
  const destination = await db.destination.findFirst({ where: { id: destinationId, workspaceId }, select: { id: true } });
  if (!destination) throw new AppError("NOT_FOUND", `No destination with id "${destinationId}" in this workspace`);
  const limit = Math.min(Math.max(options.limit ?? 25, 1), 200);
  const before = options.before ? parseBefore(options.before) : null;
  const rows = await db.deliveryAttempt.findMany({
    where: {
      destinationId,
      ...(options.status ? { status: options.status } : {}),
      ...(before ? { OR: [{ createdAt: { lt: before.createdAt } }, { createdAt: before.createdAt, id: { lt: before.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    attempts: await attemptViews(db, workspaceId, page),
    nextBefore: rows.length > limit && last ? `${last.createdAt.toISOString()}|${last.id}` : null,
  };
}
