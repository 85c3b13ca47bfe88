import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSqliteTestDatabase } from "../../../test/sqlite";
import { startLocalApi, type LocalApi } from "../../destinations/testing/local-api";
import { sampleEvent } from "../../destinations/testing/samples";

process.env.DATABASE_URL = createSqliteTestDatabase();
const { db } = await import("../../db");
const { resolveDatabase } = await import("../../database-url");
const { migrate } = await import("../../migrations");
const { adminCallerAs } = await import("../../../test/trpc-callers");

let caller: Awaited<ReturnType<typeof adminCallerAs>>;

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const error: unknown = await promise.then(() => null, (rejection: unknown) => rejection);
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

let api: LocalApi;
let workspaceId = "";
let otherWorkspaceId = "";
let mixpanelId = "";
let trackActionId = "";

beforeAll(async () => {
  await migrate(resolveDatabase());
  api = await startLocalApi();
  workspaceId = (await db.workspace.create({ data: { name: "A" } })).id;
  otherWorkspaceId = (await db.workspace.create({ data: { name: "B" } })).id;
  caller = await adminCallerAs(db, { userId: "user-ada", label: "ada@example.com" }, [workspaceId, otherWorkspaceId]);
  await caller.workspaces.setAllowedPrivateHosts({ workspaceId, hosts: ["127.0.0.1"] });
  const mixpanel = await caller.destinations.create({ workspaceId, type: "mixpanel", name: "Product analytics", settings: { projectToken: "token-1234567890", apiSecret: "secret-abcdefghijkl", baseUrl: api.url } });
  mixpanelId = mixpanel.id;
  trackActionId = mixpanel.actions.find((a) => a.key === "trackEvent")!.id;
});
afterAll(async () => {
  await api.close();
  await db.$disconnect();
});
beforeEach(() => api.reset());

describe("actions router", () => {
  it("describes an action's fields for the editor: names, types, required, descriptions, nested objects", async () => {
    const action = await caller.actions.get({ workspaceId, actionId: trackActionId });
    expect(action).toMatchObject({ key: "trackEvent", title: "Track Event", version: 1, destination: { id: mixpanelId, catalogName: "Mixpanel" } });
    expect(action.fields.map((f) => [f.name, f.type, f.required])).toEqual([["event", "string", true], ["properties", "object", true]]);
    const properties = action.fields[1]!;
    expect(properties.open).toBe(true);
    expect(properties.fields!.find((f) => f.name === "time")).toMatchObject({ path: "properties.time", type: "integer", required: true, description: "Milliseconds since the epoch." });
    expect(await errorOf(caller.actions.get({ workspaceId: otherWorkspaceId, actionId: trackActionId }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("saves versions with their author, diffs two, restores one and resets to the default", async () => {
    const before = await caller.actions.get({ workspaceId, actionId: trackActionId });
    const mapping = '{ "event": $lowercase(event), "properties": { "time": $toMillis(timestamp), "distinct_id": userId, "$insert_id": messageId } }';
    const saved = await caller.actions.save({ workspaceId, actionId: trackActionId, mapping, expectedVersion: 1 });
    expect(saved.version).toBe(2);

    const history = await caller.actions.history({ workspaceId, actionId: trackActionId });
    expect(history.map((v) => [v.version, v.origin, v.authorLabel])).toEqual([[2, "save", "ada@example.com"], [1, "create", "Switchyard"]]);
    const { left, right } = await caller.actions.versions({ workspaceId, actionId: trackActionId, left: 1, right: 2 });
    expect(left.mapping).toBe(before.mapping);
    expect(right.mapping).toBe(mapping);

    // An editor that loaded version 1 cannot overwrite version 2 unknowingly.
    expect(await errorOf(caller.actions.save({ workspaceId, actionId: trackActionId, mapping: "{}", expectedVersion: 1 }))).toMatchObject({ code: "CONFLICT" });

    const restored = await caller.actions.restore({ workspaceId, actionId: trackActionId, version: 1 });
    expect(restored).toMatchObject({ version: 3, mapping: before.mapping });
    await caller.actions.save({ workspaceId, actionId: trackActionId, trigger: 'type = "track" and event = "Signed Up"' });
    const reset = await caller.actions.reset({ workspaceId, actionId: trackActionId });
    expect(reset).toMatchObject({ version: 5, trigger: 'type = "track"', mapping: before.mapping });
    expect((await caller.actions.history({ workspaceId, actionId: trackActionId })).map((v) => v.origin)).toEqual(["reset", "save", "restore", "save", "create"]);

    const audit = await db.auditEntry.findMany({ where: { workspaceId, targetId: trackActionId }, orderBy: { createdAt: "asc" } });
    expect(audit.filter((a) => a.action === "action.update")).toHaveLength(4);
    expect(audit.every((a) => a.actorLabel === "ada@example.com")).toBe(true);
  });

  it("refuses an invalid trigger or mapping with the reason and position, and saves nothing", async () => {
    const { version } = await caller.actions.get({ workspaceId, actionId: trackActionId });
    const badMapping = await errorOf(caller.actions.save({ workspaceId, actionId: trackActionId, mapping: '{\n  "event": event,\n  "x": $lowercase(\n}' }));
    expect(badMapping.code).toBe("BAD_REQUEST");
    expect(badMapping.message).toMatch(/^Invalid mapping: Syntax error at line 4, column 1/);
    const badTrigger = await errorOf(caller.actions.save({ workspaceId, actionId: trackActionId, trigger: 'type = "track" and' }));
    expect(badTrigger.message).toMatch(/^Invalid trigger at line 1, column 19: /);
    expect((await caller.actions.get({ workspaceId, actionId: trackActionId })).version).toBe(version);
  });

  it("routes destinations.updateAction through versions too", async () => {
    const { version } = await caller.actions.get({ workspaceId, actionId: trackActionId });
    await caller.destinations.updateAction({ workspaceId, actionId: trackActionId, trigger: 'type = "track" and event != "Ping"' });
    const [latest] = await caller.actions.history({ workspaceId, actionId: trackActionId });
    expect(latest).toMatchObject({ version: version + 1, origin: "save", trigger: 'type = "track" and event != "Ping"', authorLabel: "ada@example.com" });
  });

  it("adds an action from the destination's action types as version 1, and deletes it", async () => {
    const types = await caller.actions.actionTypes({ workspaceId, destinationId: mixpanelId });
    expect(types.map((t) => t.key)).toContain("trackEvent");
    const created = await caller.actions.create({ workspaceId, destinationId: mixpanelId, key: "trackEvent", name: "Orders only" });
    expect(created).toMatchObject({ name: "Orders only", version: 1, trigger: 'type = "track"' });
    expect((await caller.actions.history({ workspaceId, actionId: created.id })).map((v) => [v.version, v.origin, v.authorLabel])).toEqual([[1, "create", "ada@example.com"]]);
    expect(await errorOf(caller.actions.create({ workspaceId, destinationId: mixpanelId, key: "nope" }))).toMatchObject({ code: "NOT_FOUND" });
    await caller.actions.delete({ workspaceId, actionId: created.id });
    expect(await errorOf(caller.actions.get({ workspaceId, actionId: created.id }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("previews the payload, its problems by field, and the exact request, without sending anything", async () => {
    await caller.actions.reset({ workspaceId, actionId: trackActionId });
    const preview = await caller.actions.preview({ workspaceId, actionId: trackActionId, event: sampleEvent("order-completed") });
    expect(preview.trigger).toEqual({ valid: true, matches: true });
    expect(preview.errors).toEqual([]);
    expect(preview.payload).toMatchObject({ event: "Order Completed", properties: { distinct_id: "user-8271" } });
    expect(preview.attempts).toHaveLength(1);
    const request = preview.attempts[0]!.request;
    expect(request.method).toBe("POST");
    expect(request.url).toBe(`${api.url}/import?strict=1`);
    expect(request.headers.Authorization).not.toContain(Buffer.from("secret-abcdefghijkl:").toString("base64"));
    expect(request.headers.Authorization).toMatch(/^Basic /);
    expect(JSON.parse(request.body!)).toMatchObject([{ event: "Order Completed" }]);
    expect(api.requests).toHaveLength(0);

    const missing = await caller.actions.preview({ workspaceId, actionId: trackActionId, event: sampleEvent("order-completed"), mapping: '{ "event": 42, "properties": { "distinct_id": userId } }' });
    expect(missing.errors.map((e) => [e.path, e.message])).toEqual([
      ["event", "event must be text, got number"],
      ["properties.time", "time is required"],
      ["properties.$insert_id", "$insert_id is required"],
    ]);
    expect(missing.attempts).toEqual([]);
    expect(missing.notSent).toMatch(/not valid/);

    const syntax = await caller.actions.preview({ workspaceId, actionId: trackActionId, event: sampleEvent("track"), mapping: '{ "event": event,, }', trigger: 'type = "identify"' });
    expect(syntax.trigger).toEqual({ valid: true, matches: false });
    expect(syntax.errors[0]).toMatchObject({ code: "MAPPING_SYNTAX", line: 1 });
    expect(syntax.errors[0]!.position).toBeGreaterThan(0);
  });

  it("test-sends the sample to the real destination and shows its answer, recorded in the delivery log", async () => {
    api.reply({ status: 200, body: { code: 200, num_records_imported: 1, status: "OK" } });
    const result = await caller.actions.testSend({ workspaceId, actionId: trackActionId, event: sampleEvent("order-completed") });
    expect(result.outcome).toEqual({ status: "delivered" });
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]!.path).toBe("/import?strict=1");
    expect(result.attempts[0]!.response).toMatchObject({ status: 200 });
    expect(result.attempts[0]!.response!.body).toContain("num_records_imported");

    api.reply({ status: 401, body: { error: "Invalid credentials" } });
    const refused = await caller.actions.testSend({ workspaceId, actionId: trackActionId, event: sampleEvent("order-completed") });
    expect(refused.outcome).toMatchObject({ status: "failed", code: "INVALID_CREDENTIALS", httpStatus: 401 });

    const log = await caller.destinations.deliveries({ workspaceId, id: mixpanelId });
    expect(log.map((d) => d.status)).toEqual(["failed", "succeeded"]);
    expect(log[0]!.request).toMatchObject({ testSend: true });
  });

  it("lists samples: built-in ones and the connected sources' recent events, with a search; validates pasted ones", async () => {
    const { builtIn, recent } = await caller.actions.samples({ workspaceId, destinationId: mixpanelId });
    expect(builtIn.map((s) => s.id)).toEqual(expect.arrayContaining(["builtin:identify", "builtin:order-completed", "builtin:product-viewed", "builtin:page"]));
    expect(recent).toEqual([]);

    const source = await caller.sources.create({ workspaceId, name: "Web" });
    await caller.destinations.connect({ workspaceId, sourceId: source.id, destinationId: mixpanelId });
    const insert = (position: number, event: Record<string, unknown>) =>
      db.$executeRaw`INSERT INTO events (position, workspace_id, source_id, message_id, type, user_id, anonymous_id, event, timestamp, received_at, payload) VALUES (${position}, ${workspaceId}, ${source.id}, ${`m${position}`}, ${String(event.type)}, ${"u1"}, ${null}, ${(event.event as string) ?? null}, ${1}, ${1_700_000_000_000 + position}, ${JSON.stringify(event)})`;
    await insert(1, { type: "track", event: "Order Completed", properties: { total: 10 } });
    await insert(2, { type: "identify", traits: { email: "grace@example.com" } });
    const all = await caller.actions.samples({ workspaceId, destinationId: mixpanelId });
    expect(all.recent.map((s) => [s.id, s.label])).toEqual([["event:2", "identify"], ["event:1", "Order Completed"]]);
    const searched = await caller.actions.samples({ workspaceId, destinationId: mixpanelId, search: "GRACE" });
    expect(searched.recent.map((s) => s.id)).toEqual(["event:2"]);

    expect(await caller.actions.parseSample({ workspaceId, text: "[1]" })).toEqual({ ok: false, message: "The sample must be a JSON object, such as a track call" });
    expect(await caller.actions.parseSample({ workspaceId, text: "{ nope" })).toMatchObject({ ok: false });
    expect(await caller.actions.parseSample({ workspaceId, text: '{"type":"track"}' })).toEqual({ ok: true, event: { type: "track" } });
  });
});
