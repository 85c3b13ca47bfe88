import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { resolveDatabase } from "../database-url";
import { migrate } from "../migrations";
import { openSqlite } from "../sqlite-connection";
import { createSqliteTestDatabase } from "../../test/sqlite";
import { DedupeWindow } from "./dedupe-window";
import type { NewEvent } from "./event-store";
import { SqliteAppender } from "./sqlite-appender";
import { packEvents, packedCount, unpackOutcome } from "./sqlite-append-protocol";

const NOW = Date.now();

function event(messageId: string, sourceId = "src-1", receivedAt = NOW): NewEvent {
  return {
    workspaceId: "ws-1", sourceId, messageId, type: "track", userId: "u", anonymousId: null, event: "E",
    timestamp: receivedAt, receivedAt, payload: JSON.stringify({ messageId }),
  };
}

describe("SqliteAppender", () => {
  const open: Database.Database[] = [];
  afterEach(() => {
    for (const db of open.splice(0)) db.close();
  });

  async function newAppender() {
    const target = resolveDatabase(createSqliteTestDatabase());
    await migrate(target);
    if (target.kind !== "sqlite") throw new Error("expected SQLite");
    const db = openSqlite(target.file);
    open.push(db);
    return { db, appender: new SqliteAppender(db) };
  }

  it("stores commits of any size in order, with consecutive positions, through multi-row statements", async () => {
    const { db, appender } = await newAppender();
    // 64 + 64 + 16 + 4 + 1 rows, then a commit of 3 requests from two sources.
    const first = Array.from({ length: 149 }, (_, i) => event(`a-${i}`));
    expect(unpackOutcome(appender.append(packEvents(first)), first.length).map((o) => o.position)).toEqual(first.map((_, i) => i + 1));
    const lists = [[event("b-1"), event("b-2", "src-2")], [event("a-3"), event("b-3")], [event("b-1"), event("b-4", "src-2", NOW + 1)]].map(packEvents);
    const outcomes = appender.appendAll(lists).map((o, i) => unpackOutcome(o, packedCount(lists[i]!)));
    expect(outcomes).toEqual([
      [{ position: 150, duplicate: false }, { position: 151, duplicate: false }],
      [{ position: null, duplicate: true }, { position: 152, duplicate: false }],
      [{ position: null, duplicate: true }, { position: 153, duplicate: false }],
    ]);
    const rows = db.prepare("SELECT position, source_id, message_id, received_at, payload FROM events WHERE position > 149 ORDER BY position").all();
    expect(rows).toEqual([
      { position: 150, source_id: "src-1", message_id: "b-1", received_at: NOW, payload: '{"messageId":"b-1"}' },
      { position: 151, source_id: "src-2", message_id: "b-2", received_at: NOW, payload: '{"messageId":"b-2"}' },
      { position: 152, source_id: "src-1", message_id: "b-3", received_at: NOW, payload: '{"messageId":"b-3"}' },
      { position: 153, source_id: "src-2", message_id: "b-4", received_at: NOW + 1, payload: '{"messageId":"b-4"}' },
    ]);
  });

  it("forgets the messageIds of a commit that failed, so that the retry stores them", async () => {
    const { db, appender } = await newAppender();
    db.exec(`CREATE TEMP TRIGGER refuse BEFORE INSERT ON events WHEN NEW.message_id = 'bad' BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    expect(() => appender.append(packEvents([event("x"), event("y"), event("bad")]))).toThrow(/refused/);
    expect(db.prepare("SELECT count(*) FROM events").pluck().get()).toBe(0);
    db.exec("DROP TRIGGER refuse");
    const retried = unpackOutcome(appender.append(packEvents([event("x"), event("y"), event("bad")])), 3);
    expect(retried.map((o) => o.duplicate)).toEqual([false, false, false]);
  });
});

describe("DedupeWindow", () => {
  it("remembers pairs per source, within its size and age, and takes back a failed commit's", () => {
    const window = new DedupeWindow(3, 1_000);
    expect(window.addIfNew("s1", "a", 0)).toBe(true);
    expect(window.addIfNew("s1", "a", 0)).toBe(false);
    expect(window.addIfNew("s2", "a", 0)).toBe(true);
    expect(window.addIfNew("s1", "b", 500)).toBe(true);
    expect(window.addIfNew("s1", "c", 600)).toBe(true);
    // Bounds apply at trim: the oldest of four goes.
    expect(window.addIfNew("s1", "a", 600)).toBe(false);
    window.trim(600);
    expect(window.addIfNew("s1", "a", 600)).toBe(true);
    window.rollback(1);
    expect(window.addIfNew("s1", "a", 600)).toBe(true);
    window.trim(1_550); // "s2 a" (0) and "s1 b" (500) are too old
    expect(window.addIfNew("s2", "a", 1_550)).toBe(true);
    expect(window.addIfNew("s1", "b", 1_550)).toBe(true);
    expect(window.addIfNew("s1", "c", 1_550)).toBe(false);
  });
});
