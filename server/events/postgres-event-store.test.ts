import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveDatabase } from "../database-url";
import { migrate } from "../migrations";
import { createPostgresTestDatabase } from "../../test/postgres";
import type { NewEvent } from "./event-store";
import { PostgresEventStore } from "./postgres-event-store";

const url = await createPostgresTestDatabase("event_log");

function event(sourceId: string, messageId: string): NewEvent {
  const now = Date.now();
  return { workspaceId: "ws", sourceId, messageId, type: "track", userId: "u", anonymousId: null, event: "E", timestamp: now, receivedAt: now, payload: JSON.stringify({ messageId, properties: { sourceId } }) };
}

describe.skipIf(!url)("PostgreSQL event log", () => {
  const stores: PostgresEventStore[] = [];
  beforeAll(async () => {
    await migrate(resolveDatabase(url!));
  });
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
  });
  const open = () => {
    const store = new PostgresEventStore(url!, 2);
    stores.push(store);
    return store;
  };

  it("never lets a reader skip an event while several processes append at once", async () => {
    // Three "ingest processes" (own pools) append small commits as fast as they can, while a
    // reader follows the log the way the runner does: read after its cursor, advance to the
    // last position seen. A position committed below the cursor would be lost forever.
    const writers = [open(), open(), open()];
    const reader = open();
    const perWriter = 60;
    let writing = true;
    const appends = writers.map(async (store, w) => {
      for (let i = 0; i < perWriter; i++) await store.append([event("src", `w${w}-${i}-a`), event("src", `w${w}-${i}-b`)]);
    });
    const all = Promise.all(appends).then(() => {
      writing = false;
    });

    const seen: number[] = [];
    let cursor = 0;
    while (writing || seen.length < writers.length * perWriter * 2) {
      const page = await reader.readAfter({ sourceIds: ["src"], afterPosition: cursor, limit: 7 });
      for (const e of page) seen.push(e.position);
      if (page.length > 0) cursor = page.at(-1)!.position;
      if (!writing && page.length === 0) break;
    }
    await all;
    expect(seen).toHaveLength(writers.length * perWriter * 2);
    expect(new Set(seen).size).toBe(seen.length);
    expect(await reader.count({ workspaceId: "ws" })).toBe(seen.length);
  });

  it("reads pages across several sources in position order and fetches by position", async () => {
    const store = open();
    const [a1, b1, a2] = await store.append([event("A", "1"), event("B", "1"), event("A", "2")]);
    const page = await store.readAfter({ sourceIds: ["A", "B"], afterPosition: a1!.position! - 1, limit: 2 });
    expect(page.map((e) => e.position)).toEqual([a1!.position, b1!.position]);
    // The payload comes as JSON text (the runner parses one at a time), the same JSON that was stored.
    expect(page.map((e) => JSON.parse(e.payloadJson) as unknown)).toEqual([{ messageId: "1", properties: { sourceId: "A" } }, { messageId: "1", properties: { sourceId: "B" } }]);
    expect((await store.getByPositions([a2!.position!, a1!.position!])).map((e) => e.messageId)).toEqual(["1", "2"]);
  });
});
