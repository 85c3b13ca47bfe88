import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createSqliteTestDatabase } from "../test/sqlite";

const databaseUrl = createSqliteTestDatabase();
const folder = path.dirname(databaseUrl.slice("file:".length));

function switchyard(...args: string[]) {
  const result = spawnSync(process.execPath, ["bin/switchyard.mjs", ...args], { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, json: () => JSON.parse(result.stdout) as unknown };
}

describe("the switchyard CLI", () => {
  it("creates, lists and changes sources, and lists their events", async () => {
    const created = switchyard("source", "create", "--name", "Checkout service", "--kind", "node", "--json");
    expect(created.code).toBe(0);
    const source = created.json() as { id: string; name: string; writeKey: string; enabled: boolean };
    expect(source).toMatchObject({ name: "Checkout service", enabled: true });
    expect(source.writeKey).toMatch(/^[\w-]{32}$/);

    const listed = switchyard("source", "list", "--json").json() as Array<{ id: string }>;
    expect(listed.map((s) => s.id)).toContain(source.id);
    expect((switchyard("source", "disable", source.id, "--json").json() as { enabled: boolean }).enabled).toBe(false);
    const rotated = switchyard("source", "rotate-key", source.id, "--json").json() as { writeKey: string };
    expect(rotated.writeKey).not.toBe(source.writeKey);
    expect(switchyard("events", "list", "--source", source.id, "--json").json()).toEqual([]);
  });

  it("answers mistakes with a message and a non-zero exit code", () => {
    const missing = switchyard("source", "create", "--json");
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stderr)).toEqual({ error: { code: "USAGE", message: "--name is required" } });
    const unknown = switchyard("source", "rename", "nope", "--name", "x", "--json");
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stderr)).toEqual({ error: { code: "NOT_FOUND", message: 'No source with id "nope" in this workspace' } });
    expect(switchyard("nothing").code).toBe(2);
    expect(switchyard("source", "create", "--help").stdout).toMatch(/Usage: switchyard source create --name NAME/);
  });

  it("creates a destination with its default actions, connects it and updates an action", () => {
    const source = switchyard("source", "create", "--name", "Web", "--json").json() as { id: string };
    const created = switchyard("destination", "create", "--type", "webhook", "--name", "Audit hook", "--settings", '{"url":"https://example.com/hook","sharedSecret":"s3cret-value"}', "--json");
    expect(created.code).toBe(0);
    const destination = created.json() as { id: string; settings: Record<string, string>; actions: Array<{ id: string; key: string; trigger: string; enabled: boolean }> };
    expect(destination.actions).toEqual([expect.objectContaining({ key: "send", trigger: "all", enabled: true })]);
    expect(destination.settings.sharedSecret).not.toBe("s3cret-value");
    expect(switchyard("connect", "--source", source.id, "--destination", destination.id).code).toBe(0);

    const bad = switchyard("action", "update", destination.actions[0]!.id, "--trigger", 'type = "track" and', "--json");
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stderr).error.message).toMatch(/^Invalid trigger at line 1, column \d+: /);
    const mappingFile = path.join(folder, "mapping.jsonata");
    writeFileSync(mappingFile, '{ "id": messageId, "what": event }');
    const updated = switchyard("action", "update", destination.actions[0]!.id, "--trigger", 'type = "track"', "--mapping-file", mappingFile, "--json").json();
    expect(updated).toMatchObject({ trigger: 'type = "track"', mapping: '{ "id": messageId, "what": event }', version: 2 });
    expect(switchyard("deliveries", "list", "--destination", destination.id, "--json").json()).toEqual([]);
    expect(switchyard("dead-letters", "redrive", "--destination", destination.id, "--json").json()).toEqual({ redriven: 0 });
  });

  it("checks triggers and evaluates mappings without a database, for users' own CI", () => {
    const eventFile = path.join(folder, "event.json");
    writeFileSync(eventFile, JSON.stringify({ type: "track", event: "Order Completed", userId: "u1", messageId: "m1", timestamp: "2026-01-01T00:00:00.000Z", properties: { total: 150 } }));
    expect(switchyard("trigger", "check", 'properties.total > 100 and type = "track"', "--event", eventFile, "--json").json()).toEqual({ valid: true, matches: true });
    const invalid = switchyard("trigger", "check", "event ==", "--json");
    expect(invalid.code).toBe(1);
    expect(invalid.json()).toMatchObject({ valid: false, error: { line: 1, column: 7 } });

    const evaluated = switchyard("mapping", "eval", "--expr", '{ "event": event, "properties": { "distinct_id": userId, "time": $toMillis(timestamp), "$insert_id": messageId } }', "--event", eventFile, "--destination-type", "mixpanel", "--action", "trackEvent", "--json");
    expect(evaluated.json()).toMatchObject({ ok: true, payload: { event: "Order Completed", properties: { distinct_id: "u1", time: 1767225600000, $insert_id: "m1" } } });
    const failing = switchyard("mapping", "eval", "--expr", '{ "properties": {} }', "--event", eventFile, "--destination-type", "mixpanel", "--action", "trackEvent", "--json");
    expect(failing.code).toBe(1);
    expect((failing.json() as { errors: Array<{ code: string; path: string }> }).errors).toContainEqual(expect.objectContaining({ code: "PAYLOAD_INVALID", path: "event" }));
  });
});
