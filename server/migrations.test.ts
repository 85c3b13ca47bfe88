import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { resolveDatabase } from "./database-url";
import { listMigrations, migrate } from "./migrations";
import { createSqliteTestDatabase } from "../test/sqlite";

describe("SQLite migrations", () => {
  it("apply once, in order, and keep rows that a later table rebuild touches", async () => {
    const target = resolveDatabase(createSqliteTestDatabase());
    if (target.kind !== "sqlite") throw new Error("expected SQLite");
    const all = listMigrations("sqlite").map((m) => m.name);
    const beforeDelivery = all.filter((name) => name < "0003");
    // Apply up to the event log, add rows, then the rest (0003 rebuilds the destinations table).
    const partial = new Database(target.file);
    partial.exec(`CREATE TABLE "_switchyard_migrations" ("name" TEXT PRIMARY KEY, "applied_at" TEXT NOT NULL)`);
    for (const m of listMigrations("sqlite").filter((m) => beforeDelivery.includes(m.name))) {
      partial.exec(m.sql);
      partial.prepare(`INSERT INTO "_switchyard_migrations" VALUES (?, ?)`).run(m.name, "now");
    }
    partial.exec(`INSERT INTO workspaces (id, name) VALUES ('w', 'W');
      INSERT INTO sources (id, workspace_id, name, write_key, updated_at) VALUES ('s', 'w', 'S', 'k', 'now');
      INSERT INTO destinations (id, workspace_id, type, name, updated_at) VALUES ('d', 'w', 'webhook', 'D', 'now');
      INSERT INTO connections (id, source_id, destination_id) VALUES ('c', 's', 'd');
      INSERT INTO actions (id, destination_id, key, name, "trigger", mapping, updated_at) VALUES ('a', 'd', 'send', 'Send', 'all', '$', 'now');`);
    partial.close();

    expect(await migrate(target)).toEqual(all.filter((name) => !beforeDelivery.includes(name)));
    expect(await migrate(target)).toEqual([]);
    const db = new Database(target.file);
    expect(db.prepare("SELECT count(*) FROM connections").pluck().get()).toBe(1);
    expect(db.prepare("SELECT count(*) FROM actions").pluck().get()).toBe(1);
    expect(db.prepare("SELECT health FROM destinations").pluck().get()).toBe("healthy");
    db.close();
  });

  it("add the retry's user key in place, keeping pending retries (no table rebuild)", async () => {
    const target = resolveDatabase(createSqliteTestDatabase());
    if (target.kind !== "sqlite") throw new Error("expected SQLite");
    const all = listMigrations("sqlite");
    const index = all.findIndex((m) => m.name === "0004_delivery_retry_user_key");
    expect(all[index]!.sql).not.toMatch(/CREATE TABLE|DROP TABLE/);
    const earlier = all.slice(0, index);
    const partial = new Database(target.file);
    partial.exec(`CREATE TABLE "_switchyard_migrations" ("name" TEXT PRIMARY KEY, "applied_at" TEXT NOT NULL)`);
    for (const m of earlier) {
      partial.exec(m.sql);
      partial.prepare(`INSERT INTO "_switchyard_migrations" VALUES (?, ?)`).run(m.name, "now");
    }
    partial.exec(`INSERT INTO workspaces (id, name) VALUES ('w', 'W');
      INSERT INTO destinations (id, workspace_id, type, name, updated_at) VALUES ('d', 'w', 'segment', 'D', 'now');
      INSERT INTO delivery_retries (id, destination_id, action_id, event_position, attempts, first_failed_at, next_attempt_at, last_error, last_error_code)
        VALUES ('r', 'd', 'a', 7, 1, 0, 0, 'HTTP 503', 'UPSTREAM_ERROR');`);
    partial.close();

    expect(await migrate(target)).toContain("0004_delivery_retry_user_key");
    const db = new Database(target.file);
    expect(db.prepare("SELECT id, user_key AS userKey FROM delivery_retries").all()).toEqual([{ id: "r", userKey: null }]);
    db.close();
  });
});
