import { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { createSqliteTestDatabase } from "../test/sqlite";

const url = createSqliteTestDatabase();
process.env.DATABASE_URL = url;
const { resolveDatabase } = await import("./database-url");
const { migrate } = await import("./migrations");
const { db } = await import("./db");
await migrate(resolveDatabase());

afterAll(async () => {
  await db.$disconnect();
});

describe("Prisma transactions on SQLite", () => {
  it("read and then write while another thread keeps committing, without 'database is locked'", async () => {
    const workspace = await db.workspace.create({ data: { name: "busy" } });
    const writer = new Worker(new URL("../test/fixtures/sqlite-busy-writer.mjs", import.meta.url), {
      workerData: { file: url.replace(/^file:/, ""), workspaceId: workspace.id, ms: 1_500 },
    });
    const messages: unknown[] = [];
    writer.on("message", (m) => messages.push(m));
    await new Promise((resolve) => writer.once("message", resolve));

    const failures: string[] = [];
    let committed = 0;
    const until = Date.now() + 1_000;
    while (Date.now() < until) {
      try {
        // As the runner records a cycle of retries: a read, then writes.
        await db.$transaction(async (tx) => {
          await tx.workspace.count({ where: { id: workspace.id } });
          await tx.workspace.updateMany({ where: { id: workspace.id }, data: { region: "US" } });
        });
        committed++;
      } catch (error) {
        failures.push((error as Error).message.split("\n").at(-1)!);
      }
    }
    await new Promise((resolve) => writer.once("exit", resolve));
    expect(failures).toEqual([]);
    expect(committed).toBeGreaterThan(10);
    expect(messages.at(-1)).toBeGreaterThan(100); // the other thread really was committing meanwhile
  });
});
