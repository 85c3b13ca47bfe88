import { TRPCError } from "@trpc/server";
import type { AppRouter } from "../server/trpc/routers/_app";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The canvas graph on whichever database DATABASE_URL names: per-minute event counts, error
 * counts, cross-region marks, connections and saved positions.
 */
export function defineCanvasSuite(label: string, enabled: boolean): void {
  describe.skipIf(!enabled)(`canvas (${label})`, () => {
    let db: typeof import("../server/db").db;
    let caller: ReturnType<AppRouter["createCaller"]>;
    let firstPositionSince: typeof import("../server/canvas/event-rate").firstPositionSince;
    let postgres = false;
    let workspaceId = "";
    let otherWorkspaceId = "";
    let nextMessage = 0;

    async function insertEvent(workspace: string, sourceId: string, receivedAt: number): Promise<void> {
      const messageId = `m-${nextMessage++}`;
      if (postgres) {
        await db.$executeRaw`INSERT INTO events (workspace_id, source_id, message_id, type, timestamp, received_at, payload)
          VALUES (${workspace}, ${sourceId}, ${messageId}, 'track', ${new Date(receivedAt)}, ${new Date(receivedAt)}, '{}'::jsonb)`;
      } else {
        await db.$executeRaw`INSERT INTO events (workspace_id, source_id, message_id, type, timestamp, received_at, payload)
          VALUES (${workspace}, ${sourceId}, ${messageId}, 'track', ${receivedAt}, ${receivedAt}, '{}')`;
      }
    }

    beforeAll(async () => {
      ({ db } = await import("../server/db"));
      const { resolveDatabase } = await import("../server/database-url");
      const { migrate } = await import("../server/migrations");
      const { memberCaller } = await import("./trpc-callers");
      ({ firstPositionSince } = await import("../server/canvas/event-rate"));
      postgres = resolveDatabase().kind === "postgres";
      await migrate(resolveDatabase());
      workspaceId = (await db.workspace.create({ data: { name: "Canvas", region: "EU" } })).id;
      otherWorkspaceId = (await db.workspace.create({ data: { name: "Other" } })).id;
      caller = await memberCaller(db, { [workspaceId]: "editor", [otherWorkspaceId]: "editor" });
    });
    afterAll(async () => {
      await db?.$disconnect();
    });

    it("finds the first position of a time window by binary search, gaps included", async () => {
      const base = Date.UTC(2026, 0, 1);
      const ws = (await db.workspace.create({ data: { name: "Search" } })).id;
      for (let i = 0; i < 40; i++) await insertEvent(ws, "s", base + i * 1000);
      // A gap in positions, as deleted rows or rolled-back sequences leave.
      await db.$executeRaw`DELETE FROM events WHERE workspace_id = ${ws} AND received_at >= ${postgres ? new Date(base + 10_000) : base + 10_000} AND received_at < ${postgres ? new Date(base + 20_000) : base + 20_000}`;
      const positions = await db.$queryRaw<Array<{ position: bigint | number; received_at: unknown }>>`SELECT position, received_at FROM events WHERE workspace_id = ${ws} ORDER BY position`;
      const at = (p: { received_at: unknown }) => (p.received_at instanceof Date ? p.received_at.getTime() : Number(p.received_at));
      for (const since of [base, base + 5_000, base + 12_000, base + 20_000, base + 39_000]) {
        const expected = Number(positions.find((p) => at(p) >= since)!.position);
        const found = await firstPositionSince(db, since);
        const firstFound = Number(positions.find((p) => Number(p.position) >= found!)!.position);
        expect(firstFound).toBe(expected);
      }
      expect(await firstPositionSince(db, base + 3_600_000)).toBeNull();
      await db.$executeRaw`DELETE FROM events WHERE workspace_id = ${ws}`;
    });

    it("returns sources with per-minute counts for the last hour, destinations with health, errors and region, and connections", async () => {
      const web = await caller.sources.create({ workspaceId, name: "Web", kind: "javascript" });
      const api = await caller.sources.create({ workspaceId, name: "API" });
      const foreign = await caller.sources.create({ workspaceId: otherWorkspaceId, name: "Elsewhere" });
      const now = Date.now();
      const minuteStart = Math.floor(now / 60_000) * 60_000;
      await insertEvent(workspaceId, web.id, minuteStart - 2 * 3600_000); // too old
      await insertEvent(workspaceId, web.id, minuteStart - 59 * 60_000 + 5); // oldest minute of the hour
      for (let i = 0; i < 3; i++) await insertEvent(workspaceId, web.id, minuteStart - 10 * 60_000 + i);
      await insertEvent(workspaceId, api.id, minuteStart + 1);
      await insertEvent(otherWorkspaceId, foreign.id, minuteStart + 2);

      const hook = await caller.destinations.create({ workspaceId, type: "webhook", name: "Hook", settings: { url: "https://example.com/in" } });
      const usMixpanel = await caller.destinations.create({ workspaceId, type: "mixpanel", name: "Mixpanel US", settings: { projectToken: "t", apiSecret: "s", region: "US" } });
      const euMixpanel = await caller.destinations.create({ workspaceId, type: "mixpanel", name: "Mixpanel EU", settings: { projectToken: "t", apiSecret: "s", region: "EU" } });
      await caller.destinations.connect({ workspaceId, sourceId: web.id, destinationId: hook.id });
      await caller.destinations.connect({ workspaceId, sourceId: api.id, destinationId: usMixpanel.id });
      const actionId = hook.actions[0]!.id;
      const attempt = { destinationId: hook.id, actionId, eventPositions: "[1]", eventCount: 1, request: "{}", durationMs: 3 };
      await db.deliveryAttempt.createMany({
        data: [
          { ...attempt, status: "failed" },
          { ...attempt, status: "retrying" },
          { ...attempt, status: "succeeded" },
          { ...attempt, status: "failed", createdAt: new Date(now - 2 * 24 * 3600_000) },
        ],
      });
      await db.deadLetter.create({ data: { destinationId: hook.id, actionId, eventPosition: 1n, attempts: 5, error: "boom", errorCode: "UPSTREAM_ERROR" } });
      await db.destination.update({ where: { id: hook.id }, data: { health: "degraded", healthReason: "HTTP 500 from the endpoint" } });

      const graph = await caller.canvas.graph({ workspaceId });
      expect(graph.workspace).toMatchObject({ id: workspaceId, region: "EU" });
      expect(graph.sources.map((s) => s.name)).toEqual(["Web", "API"]);
      const webNode = graph.sources.find((s) => s.id === web.id)!;
      expect(webNode.perMinute).toHaveLength(60);
      expect(webNode.perMinute[0]).toBe(1);
      expect(webNode.perMinute[49]).toBe(3);
      expect(webNode.perMinute.reduce((a, b) => a + b, 0)).toBe(4);
      const apiNode = graph.sources.find((s) => s.id === api.id)!;
      expect(apiNode.perMinute[59]).toBe(1);
      expect(apiNode.perMinute.reduce((a, b) => a + b, 0)).toBe(1);

      const byName = Object.fromEntries(graph.destinations.map((d) => [d.name, d]));
      expect(byName.Hook).toMatchObject({ type: "webhook", typeName: "Webhook", category: "Raw Data", region: null, crossRegion: false, health: "degraded", healthReason: "HTTP 500 from the endpoint", errorCount: 3 });
      expect(byName["Mixpanel US"]).toMatchObject({ region: "US", crossRegion: true, errorCount: 0, health: "healthy" });
      expect(byName["Mixpanel EU"]).toMatchObject({ region: "EU", crossRegion: false });
      expect(graph.connections).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ sourceId: web.id, destinationId: hook.id }),
          expect.objectContaining({ sourceId: api.id, destinationId: usMixpanel.id }),
        ]),
      );
      expect(graph.connections).toHaveLength(2);
      expect(graph.positions).toEqual([]);
      expect(euMixpanel.id).toBeTruthy();
    });

    it("saves positions a user drags, only for nodes of the workspace", async () => {
      const source = await caller.sources.create({ workspaceId, name: "Dragged" });
      await caller.canvas.savePosition({ workspaceId, nodeType: "source", nodeId: source.id, x: 10.5, y: -20 });
      await caller.canvas.savePosition({ workspaceId, nodeType: "source", nodeId: source.id, x: 30, y: 40 });
      const graph = await caller.canvas.graph({ workspaceId });
      expect(graph.positions).toEqual([{ nodeType: "source", nodeId: source.id, x: 30, y: 40 }]);

      const refused = await caller.canvas.savePosition({ workspaceId: otherWorkspaceId, nodeType: "source", nodeId: source.id, x: 1, y: 1 }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(TRPCError);
      expect((refused as TRPCError).code).toBe("NOT_FOUND");
      const badInput = await caller.canvas.savePosition({ workspaceId, nodeType: "source", nodeId: source.id, x: Number.NaN, y: 1 }).catch((e: unknown) => e);
      expect((badInput as TRPCError).code).toBe("BAD_REQUEST");
    });
  });
}
