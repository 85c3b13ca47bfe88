import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqliteTestDatabase } from "../../../test/sqlite";

process.env.DATABASE_URL = createSqliteTestDatabase();
const { db } = await import("../../db");
const { resolveDatabase } = await import("../../database-url");
const { migrate } = await import("../../migrations");
const { listAudit } = await import("../../audit/audit-log");
const { memberCaller } = await import("../../../test/trpc-callers");

let caller: Awaited<ReturnType<typeof memberCaller>>;
let workspaceId = "";

async function failure(promise: Promise<unknown>): Promise<TRPCError> {
  const error: unknown = await promise.then(() => null, (rejection: unknown) => rejection);
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

beforeAll(async () => {
  await migrate(resolveDatabase());
  workspaceId = (await db.workspace.create({ data: { name: "W" } })).id;
  caller = await memberCaller(db, { [workspaceId]: "editor" }, "editor");
});

afterAll(async () => {
  await db.$disconnect();
});

describe("sources.updateSettings", () => {
  it("defaults a new source to the global name analytics and no origin restriction", async () => {
    const source = await caller.sources.create({ workspaceId, name: "Website", kind: "javascript" });
    expect(source.settings).toEqual({ globalName: "analytics" });
    expect(source.allowedOrigins).toEqual([]);
  });

  it("changes the global name and allowed origins, and records who did it", async () => {
    const source = await caller.sources.create({ workspaceId, name: "Shop", kind: "javascript" });
    const updated = await caller.sources.updateSettings({
      workspaceId,
      id: source.id,
      globalName: " cioanalytics ",
      allowedOrigins: ["https://shop.example.com/", "https://shop.example.com", "http://localhost:8080"],
    });
    expect(updated.settings).toEqual({ globalName: "cioanalytics" });
    expect(updated.allowedOrigins).toEqual(["https://shop.example.com", "http://localhost:8080"]);
    expect(await caller.sources.get({ workspaceId, id: source.id })).toEqual(updated);

    const onlyOrigins = await caller.sources.updateSettings({ workspaceId, id: source.id, allowedOrigins: [] });
    expect(onlyOrigins.settings.globalName).toBe("cioanalytics");
    expect(onlyOrigins.allowedOrigins).toEqual([]);

    const entries = (await listAudit(db, workspaceId)).filter((e) => e.targetId === source.id && e.action === "source.update_settings");
    expect(entries).toHaveLength(2);
    expect(entries.map((e) => e.details)).toEqual(
      expect.arrayContaining([
        { name: "Shop", allowedOrigins: [] },
        { name: "Shop", globalName: "cioanalytics", allowedOrigins: ["https://shop.example.com", "http://localhost:8080"] },
      ]),
    );
    expect(entries.every((e) => e.action === "source.update_settings" && e.targetType === "source" && /^editor-.*@example\.test$/.test(e.actorLabel) && e.actorId !== null)).toBe(true);
  });

  it.each([
    [{ globalName: "my-analytics" }, /identifier/],
    [{ globalName: "window" }, /browser global/],
    [{ globalName: "" }, /empty/],
    [{ allowedOrigins: ["shop.example.com"] }, /not an origin/],
    [{ allowedOrigins: ["https://shop.example.com/path"] }, /not an origin/],
    [{ allowedOrigins: ["ftp://shop.example.com"] }, /not an origin/],
    [{ allowedOrigins: Array.from({ length: 51 }, (_, i) => `https://s${i}.example.com`) }, /At most 50/],
  ])("refuses %j with a clear message", async (changes, message) => {
    const source = await caller.sources.create({ workspaceId, name: "Bad input", kind: "javascript" });
    const error = await failure(caller.sources.updateSettings({ workspaceId, id: source.id, ...changes }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(message);
    expect((await caller.sources.get({ workspaceId, id: source.id })).settings.globalName).toBe("analytics");
  });

  it("answers NOT_FOUND for a source of another workspace", async () => {
    const other = (await db.workspace.create({ data: { name: "Other" } })).id;
    const theirs = await memberCaller(db, { [other]: "admin" }, "other");
    const source = await theirs.sources.create({ workspaceId: other, name: "Theirs", kind: "javascript" });
    expect((await failure(caller.sources.updateSettings({ workspaceId, id: source.id, globalName: "x" }))).code).toBe("NOT_FOUND");
  });

  it("tells the UI where snippets point", async () => {
    const previous = process.env.SWITCHYARD_PUBLIC_URL;
    try {
      delete process.env.SWITCHYARD_PUBLIC_URL;
      expect(await caller.sources.publicUrl({ workspaceId })).toEqual({ baseUrl: null });
      process.env.SWITCHYARD_PUBLIC_URL = "https://cdp.example.com/";
      expect(await caller.sources.publicUrl({ workspaceId })).toEqual({ baseUrl: "https://cdp.example.com" });
    } finally {
      if (previous === undefined) delete process.env.SWITCHYARD_PUBLIC_URL;
      else process.env.SWITCHYARD_PUBLIC_URL = previous;
    }
  });
});
