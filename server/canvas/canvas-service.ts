import type { Db } from "../db";
import { AppError } from "../errors";
import { findDestinationDefinition } from "../destinations/catalog";
import { eventsPerMinute, RATE_MINUTES } from "./event-rate";
import { crossesRegion } from "./regions";

export type CanvasSource = {
  id: string;
  name: string;
  kind: string;
  enabled: boolean;
  lastEventAt: string | null;
  /** Events received in each of the last 60 minutes, oldest first. */
  perMinute: number[];
};

export type CanvasDestination = {
  id: string;
  name: string;
  type: string;
  /** The catalog name, e.g. "Webhook". */
  typeName: string;
  category: string | null;
  /** The region chosen in its settings, for destinations with regions. */
  region: string | null;
  crossRegion: boolean;
  enabled: boolean;
  health: string;
  healthReason: string | null;
  /** Failed requests (final or to be retried) and dead letters in the last 24 hours. */
  errorCount: number;
};

export type CanvasConnection = { id: string; sourceId: string; destinationId: string };
export type CanvasNodeKind = "source" | "destination";
export type CanvasPosition = { nodeType: CanvasNodeKind; nodeId: string; x: number; y: number };

export type CanvasGraph = {
  workspace: { id: string; name: string; region: string };
  sources: CanvasSource[];
  destinations: CanvasDestination[];
  connections: CanvasConnection[];
  positions: CanvasPosition[];
};

const ERROR_WINDOW_MS = 24 * 3600_000;
const FAILED_STATUSES = ["failed", "retrying", "partial"];

function regionOf(settings: string): string | null {
  try {
    const parsed: unknown = JSON.parse(settings);
    if (parsed && typeof parsed === "object" && "region" in parsed && typeof parsed.region === "string") return parsed.region;
  } catch {
    // A destination whose settings do not parse has no region to show.
  }
  return null;
}

/** What the connections canvas shows: every source and destination of a workspace, how they connect, and where the user put them. */
export class CanvasService {
  constructor(private readonly db: Db) {}

  async graph(workspace: { id: string; name: string; region: string }, now: number = Date.now()): Promise<CanvasGraph> {
    const since = new Date(now - ERROR_WINDOW_MS);
    const [sources, destinations, connections, positions, rates] = await Promise.all([
      this.db.source.findMany({ where: { workspaceId: workspace.id }, orderBy: { createdAt: "asc" } }),
      this.db.destination.findMany({ where: { workspaceId: workspace.id }, orderBy: { createdAt: "asc" } }),
      this.db.connection.findMany({ where: { source: { workspaceId: workspace.id } }, select: { id: true, sourceId: true, destinationId: true }, orderBy: { createdAt: "asc" } }),
      this.db.canvasNodePosition.findMany({ where: { workspaceId: workspace.id } }),
      eventsPerMinute(this.db, workspace.id, now),
    ]);
    const destinationIds = destinations.map((d) => d.id);
    const [failedAttempts, deadLetters] = await Promise.all([
      this.db.deliveryAttempt.groupBy({
        by: ["destinationId"],
        where: { destinationId: { in: destinationIds }, status: { in: FAILED_STATUSES }, createdAt: { gte: since } },
        _count: { _all: true },
      }),
      this.db.deadLetter.groupBy({
        by: ["destinationId"],
        where: { destinationId: { in: destinationIds }, createdAt: { gte: since } },
        _count: { _all: true },
      }),
    ]);
    const errors = new Map<string, number>();
    for (const row of [...failedAttempts, ...deadLetters]) errors.set(row.destinationId, (errors.get(row.destinationId) ?? 0) + row._count._all);

    return {
      workspace,
      sources: sources.map((s) => ({
        id: s.id,
        name: s.name,
        kind: s.kind,
        enabled: s.enabled,
        lastEventAt: s.lastEventAt?.toISOString() ?? null,
        perMinute: rates.get(s.id) ?? new Array<number>(RATE_MINUTES).fill(0),
      })),
      destinations: destinations.map((d) => {
        const definition = findDestinationDefinition(d.type);
        const region = definition?.regions ? regionOf(d.settings) ?? definition.defaultRegion ?? null : null;
        return {
          id: d.id,
          name: d.name,
          type: d.type,
          typeName: definition?.name ?? d.type,
          category: definition?.category ?? null,
          region,
          crossRegion: crossesRegion(workspace.region, region),
          enabled: d.enabled,
          health: d.health,
          healthReason: d.healthReason,
          errorCount: errors.get(d.id) ?? 0,
        };
      }),
      connections,
      positions: positions.map((p) => ({ nodeType: p.nodeType === "destination" ? "destination" : "source", nodeId: p.nodeId, x: p.x, y: p.y })),
    };
  }

  /** Remembers where a user dragged a node; the node must belong to the workspace. */
  async savePosition(workspaceId: string, position: CanvasPosition): Promise<CanvasPosition> {
    const owner =
      position.nodeType === "source"
        ? await this.db.source.findFirst({ where: { id: position.nodeId, workspaceId }, select: { id: true } })
        : await this.db.destination.findFirst({ where: { id: position.nodeId, workspaceId }, select: { id: true } });
    if (!owner) throw new AppError("NOT_FOUND", `No ${position.nodeType} with id "${position.nodeId}" in this workspace`);
    const key = { workspaceId_nodeType_nodeId: { workspaceId, nodeType: position.nodeType, nodeId: position.nodeId } };
    await this.db.canvasNodePosition.upsert({
      where: key,
      create: { workspaceId, nodeType: position.nodeType, nodeId: position.nodeId, x: position.x, y: position.y },
      update: { x: position.x, y: position.y },
    });
    return position;
  }
}
