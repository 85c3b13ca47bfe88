import { statSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { resolveDatabase } from "../database-url";
import { migrate } from "../migrations";
import { createSqliteTestDatabase } from "../../test/sqlite";
import type { NewEvent } from "./event-store";
import { SqliteEventStore, type SqliteEventStoreOptions } from "./sqlite-event-store";

function event(messageId: string, sourceId = "src-1", receivedAt = Date.now()): NewEvent {
  return {
    workspaceId: "ws-1", sourceId, messageId, type: "track", userId: "u", anonymousId: null, event: "E",
    timestamp: receivedAt, receivedAt, payload: JSON.stringify({ type: "track", messageId }),
  };
}

describe("SqliteEventStore", () => {
  const open: SqliteEventStore[] = [];
  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
  });

  async function newStore(url = createSqliteTestDatabase(), options: SqliteEventStoreOptions = {}) {
    const target = resolveDatabase(url);
    await migrate(target);
    if (target.kind !== "sqlite") throw new Error("expected SQLite");
    const store = new SqliteEventStore(target.file, options);
    open.push(store);
    return { store, url };
  }

  it.each([false, true])("remembers delivered messageIds across a restart, from the log itself (writer thread: %s)", async (appendInWorker) => {
    const { store, url } = await newStore(undefined, { appendInWorker });
    expect(await store.append([event("a"), event("b")])).toEqual([
      { position: 1, duplicate: false },
      { position: 2, duplicate: false },
    ]);
    await store.close();
    open.pop();
    const { store: reopened } = await newStore(url, { appendInWorker });
    expect(await reopened.append([event("b"), event("c"), event("b", "src-2")])).toEqual([
      { position: null, duplicate: true },
      { position: 3, duplicate: false },
      { position: 4, duplicate: false },
    ]);
  });

  it("forgets messageIds older than the window or beyond its size", async () => {
    const { store } = await newStore(undefined, { dedupeWindowEvents: 2, dedupeWindowMs: 60_000 });
    const old = Date.now() - 120_000;
    await store.append([event("old", "src-1", old)]);
    await store.append([event("x"), event("y"), event("z")]);
    const again = await store.append([event("old"), event("x"), event("z")]);
    expect(again.map((o) => o.duplicate)).toEqual([false, false, true]);
  });

  it("lists newest first, by source, and pages with beforePosition", async () => {
    const { store } = await newStore();
    await store.append([event("1"), event("2", "other"), event("3"), event("4")]);
    const newest = await store.list({ sourceId: "src-1", limit: 2 });
    expect(newest.map((e) => e.messageId)).toEqual(["4", "3"]);
    const next = await store.list({ sourceId: "src-1", limit: 2, beforePosition: newest[1]!.position });
    expect(next.map((e) => e.messageId)).toEqual(["1"]);
    expect(await store.count({ workspaceId: "ws-1" })).toBe(4);
  });

  it.each([false, true])("leaves checkpoints to a thread of their own once it is the log's appender (writer thread: %s)", async (appendInWorker) => {
    const { store, url } = await newStore(undefined, { appendInWorker });
    store.prepareForAppends();
    const file = url.replace(/^file:/, "");
    const before = statSync(file).size;
    const note = "x".repeat(400);
    for (let batch = 0; batch < 10; batch++) {
      await store.append(Array.from({ length: 500 }, (_, i) => ({ ...event(`cp-${batch}-${i}`), payload: JSON.stringify({ note, i }) })));
    }
    // About 2.5 MB went to the write-ahead log; the checkpoint thread copies it into the file.
    const deadline = Date.now() + 5_000;
    while (statSync(file).size < before + 2_000_000 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(statSync(file).size).toBeGreaterThan(before + 2_000_000);
  });

  it("reads pages for the runner with each payload as the JSON text it was stored as", async () => {
    const { store } = await newStore();
    const [first, , third] = await store.append([event("1"), event("2", "other"), event("3")]);
    const page = await store.readAfter({ sourceIds: ["src-1"], afterPosition: first!.position! - 1, limit: 10 });
    expect(page.map((e) => [e.messageId, e.payloadJson])).toEqual([
      ["1", JSON.stringify({ type: "track", messageId: "1" })],
      ["3", JSON.stringify({ type: "track", messageId: "3" })],
    ]);
    expect((await store.getByPositions([third!.position!])).map((e) => JSON.parse(e.payloadJson) as unknown)).toEqual([{ type: "track", messageId: "3" }]);
  });
});
