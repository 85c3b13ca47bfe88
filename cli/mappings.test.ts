import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createSqliteTestDatabase } from "../test/sqlite";

const databaseUrl = createSqliteTestDatabase();

function switchyard(...args: string[]) {
  const result = spawnSync(process.execPath, ["bin/switchyard.mjs", ...args], { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, json: () => JSON.parse(result.stdout) as unknown };
}

type PushReport = { applied: boolean; changes: Array<{ path: string; from: number; to: number; changed: string[] }>; unchanged: number; problems: Array<{ path: string; message: string }> };

describe("mappings as code", () => {
  it("pulls every action as files, pushes edits as new versions, and applies nothing when one file is invalid", () => {
    expect(switchyard("destination", "create", "--type", "mixpanel", "--name", "Product Analytics", "--settings", JSON.stringify({ projectToken: "token-1234567890" }), "--json").code).toBe(0);
    expect(switchyard("destination", "create", "--type", "webhook", "--name", "Warehouse", "--settings", JSON.stringify({ url: "https://example.com/in" }), "--json").code).toBe(0);
    const dir = mkdtempSync(path.join(tmpdir(), "switchyard-mappings-"));

    const pulled = switchyard("mappings", "pull", dir);
    expect(pulled.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["product-analytics", "warehouse"]);
    expect(readdirSync(path.join(dir, "product-analytics"))).toEqual(expect.arrayContaining(["track-event.jsonata", "track-event.json", "identify-user.jsonata"]));
    const metaPath = path.join(dir, "product-analytics", "track-event.json");
    const meta = JSON.parse(readFileSync(metaPath, "utf8")) as { id: string; trigger: string; version: number };
    expect(meta).toMatchObject({ trigger: 'type = "track"', version: 1 });
    expect(readFileSync(path.join(dir, "warehouse", "send.jsonata"), "utf8")).toBe(`${readFileSync("mappings/webhook/send.jsonata", "utf8").trimEnd()}\n`);

    // Nothing edited: nothing applied.
    expect((switchyard("mappings", "push", dir, "--json").json() as PushReport)).toMatchObject({ applied: true, changes: [] });

    // One good edit and one broken file: nothing at all is applied.
    writeFileSync(path.join(dir, "warehouse", "send.jsonata"), '{ "event": event, "email": $lowercase(traits.email) }\n');
    writeFileSync(metaPath, JSON.stringify({ ...meta, trigger: 'type = "track" and' }));
    const refused = switchyard("mappings", "push", dir);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/^Nothing applied: 1 file is invalid\.\n {2}product-analytics\/track-event: Invalid trigger at line 1, column 19/);
    const stillPulled = mkdtempSync(path.join(tmpdir(), "switchyard-mappings-"));
    switchyard("mappings", "pull", stillPulled);
    expect(readFileSync(path.join(stillPulled, "warehouse", "send.jsonata"), "utf8")).not.toContain("$lowercase");

    // Fixed: both apply, as new versions, and the output says what changed.
    writeFileSync(metaPath, JSON.stringify({ ...meta, trigger: 'type = "track" and event = "Order Completed"' }));
    const pushed = switchyard("mappings", "push", dir);
    expect(pushed.code).toBe(0);
    expect(pushed.stdout).toContain("Applied 2 changes;");
    expect(pushed.stdout).toContain("product-analytics/track-event: trigger (version 1 → 2)");
    expect(pushed.stdout).toContain("warehouse/send: mapping (version 1 → 2)");
    const again = mkdtempSync(path.join(tmpdir(), "switchyard-mappings-"));
    switchyard("mappings", "pull", again);
    expect(readFileSync(path.join(again, "warehouse", "send.jsonata"), "utf8")).toBe('{ "event": event, "email": $lowercase(traits.email) }\n');
    expect(JSON.parse(readFileSync(path.join(again, "product-analytics", "track-event.json"), "utf8"))).toMatchObject({ version: 2, trigger: 'type = "track" and event = "Order Completed"' });

    // A stale pull cannot overwrite a newer version.
    writeFileSync(path.join(stillPulled, "warehouse", "send.jsonata"), "{}\n");
    const stale = switchyard("mappings", "push", stillPulled, "--json").json() as PushReport;
    expect(stale.applied).toBe(false);
    expect(stale.problems[0]!.message).toMatch(/changed in Switchyard since the pull/);
  }, 240_000);
});
