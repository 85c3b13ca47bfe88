import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqliteTestDatabase } from "../../../test/sqlite";

process.env.DATABASE_URL = createSqliteTestDatabase();
const { db } = await import("../../db");
const { resolveDatabase } = await import("../../database-url");
const { migrate } = await import("../../migrations");
const { memberCaller } = await import("../../../test/trpc-callers");
const { getDestinationDefinition } = await import("../../destinations/catalog");
const { openSecrets } = await import("../../secrets/destination-secrets");
const { secretKey } = await import("../../secrets/secret-key");

let caller: Awaited<ReturnType<typeof memberCaller>>;

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const error: unknown = await promise.then(() => null, (rejection: unknown) => rejection);
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
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

describe("destinations router", () => {
  it("lists the catalog, creates a destination with default actions and masks its secrets", async () => {
    const catalog = await caller.destinations.catalog();
    expect(catalog.map((d) => d.key)).toEqual(expect.arrayContaining(["webhook", "slack", "mixpanel", "amplitude", "customerio", "segment"]));

    const created = await caller.destinations.create({ workspaceId: workspaceA, type: "mixpanel", name: "Analytics", settings: { projectToken: "token-1234567890", apiSecret: "secret-abcdefghijkl", region: "EU" } });
    expect(created.actions.map((a) => a.key)).toEqual(catalog.find((d) => d.key === "mixpanel")!.actions.map((a) => a.key));
    expect(created.settings.apiSecret).not.toContain("secret-abcdefgh");
    expect(created.settings.region).toBe("EU");

    // Saving the masked value back keeps the stored secret.
    const saved = await caller.destinations.updateSettings({ workspaceId: workspaceA, id: created.id, settings: { ...created.settings, region: "US" } });
    expect(saved.settings).toEqual({ ...created.settings, region: "US" });
    const stored = JSON.parse((await db.destination.findUniqueOrThrow({ where: { id: created.id } })).settings) as Record<string, string>;
    // Stored encrypted: the secret is not in the row, but opens with the key.
    expect(stored.apiSecret).toMatch(/^enc:v1:/);
    expect(JSON.stringify(stored)).not.toContain("abcdefghijkl");
    expect(openSecrets(getDestinationDefinition("mixpanel"), stored, secretKey()).apiSecret).toBe("secret-abcdefghijkl");
  });

  it("refuses bad settings, an unknown type, and invalid triggers and mappings, saying why", async () => {
    const badSettings = await errorOf(caller.destinations.create({ workspaceId: workspaceA, type: "webhook", name: "Hook", settings: { url: "not a url" } }));
    expect(badSettings.code).toBe("BAD_REQUEST");
    expect(badSettings.message).toMatch(/^Invalid settings for Webhook: url /);
    expect((await errorOf(caller.destinations.create({ workspaceId: workspaceA, type: "nope", name: "X", settings: {} }))).message).toMatch(/Unknown destination type "nope"/);

    const hook = await caller.destinations.create({ workspaceId: workspaceA, type: "webhook", name: "Hook", settings: { url: "https://example.com/in" } });
    const actionId = hook.actions[0]!.id;
    expect((await errorOf(caller.destinations.updateAction({ workspaceId: workspaceA, actionId, trigger: "type = " }))).message).toMatch(/^Invalid trigger at line 1, column 8: /);
    expect((await errorOf(caller.destinations.updateAction({ workspaceId: workspaceA, actionId, mapping: '{ "a": ' }))).message).toMatch(/^Invalid mapping: /);
    const updated = await caller.destinations.updateAction({ workspaceId: workspaceA, actionId, trigger: 'type = "track"', enabled: false });
    expect(updated).toMatchObject({ trigger: 'type = "track"', enabled: false, version: 2 });
  });

  it("connects sources, lists deliveries and dead letters, and keeps workspaces apart", async () => {
    const source = await caller.sources.create({ workspaceId: workspaceA, name: "Web" });
    const hook = await caller.destinations.create({ workspaceId: workspaceA, type: "webhook", name: "Hook 2", settings: { url: "https://example.com/in" } });
    await caller.destinations.connect({ workspaceId: workspaceA, sourceId: source.id, destinationId: hook.id });
    expect((await caller.destinations.get({ workspaceId: workspaceA, id: hook.id })).sourceIds).toEqual([source.id]);
    expect(await caller.destinations.deliveries({ workspaceId: workspaceA, id: hook.id })).toEqual([]);
    expect(await caller.destinations.redriveDeadLetters({ workspaceId: workspaceA, id: hook.id })).toEqual({ redriven: 0 });

    expect((await errorOf(caller.destinations.get({ workspaceId: workspaceB, id: hook.id }))).code).toBe("NOT_FOUND");
    expect((await errorOf(caller.destinations.connect({ workspaceId: workspaceB, sourceId: source.id, destinationId: hook.id }))).code).toBe("NOT_FOUND");
    await caller.destinations.disconnect({ workspaceId: workspaceA, sourceId: source.id, destinationId: hook.id });
    expect((await caller.destinations.get({ workspaceId: workspaceA, id: hook.id })).sourceIds).toEqual([]);
  });
});
