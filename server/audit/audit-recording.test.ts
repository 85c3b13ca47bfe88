import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqliteTestDatabase } from "../../test/sqlite";

process.env.DATABASE_URL = createSqliteTestDatabase();
const { db } = await import("../db");
const { resolveDatabase } = await import("../database-url");
const { migrate } = await import("../migrations");
const { adminCallerAs } = await import("../../test/trpc-callers");
const { LOCAL_CLI_ACTOR } = await import("../auth/actor");
const { SourceService } = await import("../sources/source-service");

const GRACE = { userId: "user-grace", label: "grace@example.com" };
let caller: Awaited<ReturnType<typeof adminCallerAs>>;
let workspaceId = "";

beforeAll(async () => {
  await migrate(resolveDatabase());
  workspaceId = (await db.workspace.create({ data: { name: "Audited" } })).id;
  caller = await adminCallerAs(db, GRACE, [workspaceId]);
});
afterAll(async () => {
  await db.$disconnect();
});

async function entries() {
  return (await caller.audit.list({ workspaceId, limit: 200 })).entries.reverse();
}

describe("the audit log", () => {
  it("records every configuration change with who made it, never a secret", async () => {
    const source = await caller.sources.create({ workspaceId, name: "Web", kind: "javascript" });
    await caller.sources.rename({ workspaceId, id: source.id, name: "Website" });
    await caller.sources.setEnabled({ workspaceId, id: source.id, enabled: false });
    await caller.sources.setEnabled({ workspaceId, id: source.id, enabled: true });
    const rotated = await caller.sources.rotateWriteKey({ workspaceId, id: source.id });

    const destination = await caller.destinations.create({ workspaceId, type: "mixpanel", name: "MP", settings: { projectToken: "tok", apiSecret: "audit-secret-value-1" } });
    await caller.destinations.updateSettings({ workspaceId, id: destination.id, settings: { ...destination.settings, apiSecret: "audit-secret-value-2", region: "EU" } });
    await caller.destinations.connect({ workspaceId, sourceId: source.id, destinationId: destination.id });
    const action = destination.actions[0]!;
    await caller.destinations.updateAction({ workspaceId, actionId: action.id, trigger: 'type = "track" and event = "Order Completed"', enabled: false });
    await db.destination.update({ where: { id: destination.id }, data: { health: "paused" } });
    await caller.destinations.resume({ workspaceId, id: destination.id });
    await db.deadLetter.create({ data: { destinationId: destination.id, actionId: action.id, eventPosition: 1, attempts: 3, error: "x", errorCode: "UPSTREAM_ERROR" } });
    await caller.destinations.redriveDeadLetters({ workspaceId, id: destination.id });
    await caller.destinations.disconnect({ workspaceId, sourceId: source.id, destinationId: destination.id });
    await caller.sources.delete({ workspaceId, id: source.id });

    const log = await entries();
    expect(log.map((e) => [e.action, e.targetType, e.targetId === source.id ? "source" : e.targetId === destination.id ? "destination" : e.targetId === action.id ? "action" : "other"])).toEqual([
      ["source.create", "source", "source"],
      ["source.rename", "source", "source"],
      ["source.disable", "source", "source"],
      ["source.enable", "source", "source"],
      ["source.rotate_write_key", "source", "source"],
      ["destination.create", "destination", "destination"],
      ["destination.update", "destination", "destination"],
      ["connection.create", "connection", "other"],
      ["action.update", "action", "action"],
      ["destination.resume", "destination", "destination"],
      ["destination.redrive", "destination", "destination"],
      ["connection.delete", "connection", "other"],
      ["source.delete", "source", "source"],
    ]);
    expect(log.every((e) => e.actorId === GRACE.userId && e.actorLabel === GRACE.label)).toBe(true);
    expect(log[1]!.details).toEqual({ from: "Web", to: "Website" });
    expect(log[6]!.details).toEqual({ changed: ["apiSecret", "region"], settings: { projectToken: "tok", apiSecret: "••••••••", groupKey: "company_id", region: "EU" } });
    expect(log[8]!.details).toMatchObject({ key: action.key, changed: ["trigger", "enabled"], version: 2, enabled: false });
    expect(log[10]!.details).toEqual({ redriven: 1 });

    const text = JSON.stringify(log);
    for (const secret of ["audit-secret-value-1", "audit-secret-value-2", source.writeKey, rotated.writeKey]) expect(text).not.toContain(secret);
  });

  it("records the CLI as the actor when the CLI changes something", async () => {
    const source = await new SourceService(db, LOCAL_CLI_ACTOR).create(workspaceId, { name: "From the CLI" });
    const [entry] = (await caller.audit.list({ workspaceId, targetId: source.id })).entries;
    expect(entry).toMatchObject({ action: "source.create", actorId: null, actorLabel: "CLI", details: { name: "From the CLI", kind: "http" } });
  });

  it("pages back through entries and filters by action and target", async () => {
    const first = await caller.audit.list({ workspaceId, limit: 5 });
    expect(first.entries).toHaveLength(5);
    expect(first.nextBefore).toBe(first.entries[4]!.id);
    const second = await caller.audit.list({ workspaceId, limit: 5, before: first.nextBefore! });
    expect(second.entries.map((e) => e.id)).not.toContain(first.entries[0]!.id);
    const all = (await caller.audit.list({ workspaceId, limit: 200 })).entries;
    expect([...first.entries, ...second.entries].map((e) => e.id)).toEqual(all.slice(0, 10).map((e) => e.id));
    expect((await caller.audit.list({ workspaceId, limit: 200 })).nextBefore).toBeNull();

    const sources = (await caller.audit.list({ workspaceId, action: "source." })).entries;
    expect(sources.length).toBe(7);
    expect(sources.every((e) => e.action.startsWith("source."))).toBe(true);
    expect((await caller.audit.list({ workspaceId, action: "source.rename" })).entries).toHaveLength(1);
    expect((await caller.audit.list({ workspaceId, targetType: "connection" })).entries).toHaveLength(2);
  });
});
