import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqliteTestDatabase } from "../../../test/sqlite";

process.env.DATABASE_URL = createSqliteTestDatabase();
const { db } = await import("../../db");
const { resolveDatabase } = await import("../../database-url");
const { migrate } = await import("../../migrations");
const { memberCaller } = await import("../../../test/trpc-callers");

let caller: Awaited<ReturnType<typeof memberCaller>>;

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const error: unknown = await promise.then(
    () => null,
    (rejection: unknown) => rejection,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return (await errorOf(promise)).code;
}

let workspaceA = "";
let workspaceB = "";

beforeAll(async () => {
  await migrate(resolveDatabase());
  workspaceA = (await db.workspace.create({ data: { name: "A" } })).id;
  workspaceB = (await db.workspace.create({ data: { name: "B" } })).id;
  caller = await memberCaller(db, { [workspaceA]: "admin", [workspaceB]: "admin" });
});

afterAll(async () => {
  await db.$disconnect();
});

describe("sources router", () => {
  it("creates, renames, disables, rotates the key of and deletes a source", async () => {
    const created = await caller.sources.create({ workspaceId: workspaceA, name: "  Website ", kind: "javascript" });
    expect(created).toMatchObject({ name: "Website", kind: "javascript", enabled: true, lastEventAt: null });
    expect(await caller.sources.list({ workspaceId: workspaceA })).toEqual([created]);

    const renamed = await caller.sources.rename({ workspaceId: workspaceA, id: created.id, name: "Marketing site" });
    expect(renamed.name).toBe("Marketing site");

    const disabled = await caller.sources.setEnabled({ workspaceId: workspaceA, id: created.id, enabled: false });
    expect(disabled.enabled).toBe(false);

    const rotated = await caller.sources.rotateWriteKey({ workspaceId: workspaceA, id: created.id });
    expect(rotated.writeKey).not.toBe(created.writeKey);
    expect(rotated.writeKey).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await caller.sources.get({ workspaceId: workspaceA, id: created.id })).toEqual(rotated);

    expect(await caller.sources.delete({ workspaceId: workspaceA, id: created.id })).toEqual({ id: created.id });
    expect(await caller.sources.list({ workspaceId: workspaceA })).toEqual([]);
  });

  it("answers NOT_FOUND for an unknown source or workspace", async () => {
    expect(await codeOf(caller.sources.get({ workspaceId: workspaceA, id: "no-such-source" }))).toBe("NOT_FOUND");
    expect(await codeOf(caller.sources.rename({ workspaceId: workspaceA, id: "no-such-source", name: "x" }))).toBe("NOT_FOUND");
    expect(await codeOf(caller.sources.list({ workspaceId: "no-such-workspace" }))).toBe("NOT_FOUND");
  });

  it("answers BAD_REQUEST for an empty name or an unknown kind", async () => {
    expect(await errorOf(caller.sources.create({ workspaceId: workspaceA, name: "   " }))).toMatchObject({
      code: "BAD_REQUEST",
      message: "A source needs a name",
    });
    const source = await caller.sources.create({ workspaceId: workspaceA, name: "Server" });
    expect(source.kind).toBe("http");
    expect(await codeOf(caller.sources.rename({ workspaceId: workspaceA, id: source.id, name: "" }))).toBe("BAD_REQUEST");
    const unknownKind = { workspaceId: workspaceA, name: "Ruby", kind: "ruby" } as unknown as Parameters<typeof caller.sources.create>[0];
    expect(await codeOf(caller.sources.create(unknownKind))).toBe("BAD_REQUEST");
    await caller.sources.delete({ workspaceId: workspaceA, id: source.id });
  });

  it("keeps a workspace's sources out of reach of another workspace", async () => {
    const source = await caller.sources.create({ workspaceId: workspaceA, name: "Backend", kind: "node" });
    const throughB = { workspaceId: workspaceB, id: source.id };
    expect(await caller.sources.list({ workspaceId: workspaceB })).toEqual([]);
    expect(await codeOf(caller.sources.get(throughB))).toBe("NOT_FOUND");
    expect(await codeOf(caller.sources.rename({ ...throughB, name: "Taken over" }))).toBe("NOT_FOUND");
    expect(await codeOf(caller.sources.setEnabled({ ...throughB, enabled: false }))).toBe("NOT_FOUND");
    expect(await codeOf(caller.sources.rotateWriteKey(throughB))).toBe("NOT_FOUND");
    expect(await codeOf(caller.sources.delete(throughB))).toBe("NOT_FOUND");
    expect(await caller.sources.get({ workspaceId: workspaceA, id: source.id })).toEqual(source);
  });
});
