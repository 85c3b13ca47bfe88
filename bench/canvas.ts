// bench/canvas: how long the connections canvas takes to become usable with 50 sources ×
// 50 destinations and ~200 connections (plus an hour of events for the sparklines), beside the
// same page for a workspace of one source and one destination and the sources list page (the
// app without a canvas), on the production server.
//
// Time to interactive = navigation start → the nodes in view rendered (beyond 60 nodes the canvas
// renders only those in view) and a hover on a source lighting the destination it is connected
// to (so React has hydrated and the canvas answers).
//
//   npm run build && npm run bench:canvas [-- --loads 7]
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";

const { values } = parseArgs({ options: { loads: { type: "string", default: "7" }, port: { type: "string", default: "3299" } } });
const loads = Number(values.loads);
const port = Number(values.port);
const dir = mkdtempSync(path.join(tmpdir(), "switchyard-bench-canvas-"));
const databaseUrl = `file:${path.join(dir, "bench.db")}`;
process.env.DATABASE_URL = databaseUrl;

const { db } = await import("../server/db");
const { resolveDatabase } = await import("../server/database-url");
const { migrate } = await import("../server/migrations");
const { DestinationService } = await import("../server/delivery/destination-service");
const { SourceService } = await import("../server/sources/source-service");
const { SYSTEM_ACTOR } = await import("../server/auth/actor");

async function seed(name: string, sourceCount: number, destinationCount: number, connectionCount: number, eventsPerSource: number): Promise<string> {
  const workspace = await db.workspace.create({ data: { name, region: "US" } });
  const sources = new SourceService(db, SYSTEM_ACTOR);
  const destinations = new DestinationService(db, SYSTEM_ACTOR);
  const sourceIds: string[] = [];
  for (let i = 0; i < sourceCount; i++) sourceIds.push((await sources.create(workspace.id, { name: `Source ${i + 1}`, kind: i % 3 === 0 ? "javascript" : "node" })).id);
  const destinationIds: string[] = [];
  for (let i = 0; i < destinationCount; i++) {
    const created =
      i % 5 === 0
        ? await destinations.create(workspace.id, { type: "mixpanel", name: `Mixpanel ${i + 1}`, settings: { projectToken: "t", apiSecret: "s", region: "EU" } })
        : await destinations.create(workspace.id, { type: "webhook", name: `Webhook ${i + 1}`, settings: { url: `https://hooks.example.test/${i}` } });
    destinationIds.push(created.id);
  }
  // Source 0 feeds destination 0, so the hover check has a known pair; the rest spread evenly.
  const pairs = new Set<string>(["0:0"]);
  for (let k = 1; pairs.size < Math.min(connectionCount, sourceCount * destinationCount); k++) pairs.add(`${k % sourceCount}:${(k * 7 + Math.floor(k / sourceCount) * 3) % destinationCount}`);
  for (const pair of pairs) {
    const [s, d] = pair.split(":").map(Number) as [number, number];
    await db.connection.create({ data: { sourceId: sourceIds[s]!, destinationId: destinationIds[d]! } });
  }
  const now = Date.now();
  const rows: string[] = [];
  for (const sourceId of sourceIds) {
    for (let e = 0; e < eventsPerSource; e++) {
      const at = now - Math.floor(Math.random() * 3600_000);
      rows.push(`('${workspace.id}', '${sourceId}', 'm-${sourceId}-${e}', 'track', ${at}, ${at}, '{}')`);
    }
  }
  for (let i = 0; i < rows.length; i += 500) {
    await db.$executeRawUnsafe(`INSERT INTO events (workspace_id, source_id, message_id, type, timestamp, received_at, payload) VALUES ${rows.slice(i, i + 500).join(",")}`);
  }
  return workspace.id;
}

await migrate(resolveDatabase());
// A first workspace keeps the server from creating its demo workspace.
await db.workspace.create({ data: { name: "First" } });
const small = await seed("Small", 1, 1, 1, 200);
const large = await seed("50 × 50", 50, 50, 200, 200);
console.log(`seeded: 50 sources × 50 destinations, 200 connections, ${50 * 200 + 200} events in the last hour`);

const server = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
  env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", SWITCHYARD_NO_RUNNER: "1" },
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise<void>((resolve, reject) => {
  server.stdout!.on("data", (chunk: Buffer) => {
    if (chunk.toString().includes("is running")) resolve();
  });
  server.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
});
const base = `http://127.0.0.1:${port}`;
console.log("server up");
// A failure anywhere below must not leave the server running (it holds the bench's output open).
process.on("exit", () => server.kill("SIGTERM"));
process.on("uncaughtException", (error) => {
  console.error(error);
  process.exit(1);
});

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
});

// Pages need a signed-in member: the first account signs up and so becomes admin of every
// workspace that has no member yet (the bench's three); every measured load reuses its cookie.
const account = { name: "Bench", email: "bench@example.test", password: "bench-password-123" };
const signUp = await browser.newContext();
const signedUp = await signUp.request.post(`${base}/api/auth/sign-up/email`, { data: account, headers: { Origin: base } });
if (!signedUp.ok()) throw new Error(`sign-up failed: ${signedUp.status()} ${await signedUp.text()}`);
const storageState = await signUp.storageState();
await signUp.close();
await db.$disconnect();

async function timeToInteractive(workspaceId: string, nodeCount: number): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, storageState });
  const page = await context.newPage();
  await page.goto(`${base}/w/${workspaceId}`, { waitUntil: "commit" });
  await page.waitForFunction((n) => document.querySelectorAll(".react-flow__node").length >= n, Math.min(nodeCount, 20), { polling: "raf", timeout: 30_000 });
  const first = page.locator(".react-flow__node-source").first();
  const firstDestination = page.locator(".react-flow__node-destination [data-testid=destination-node]").first();
  // Hydration finishes at some point after the nodes are painted: hover until the canvas answers.
  for (;;) {
    await first.hover({ timeout: 30_000 });
    if ((await firstDestination.getAttribute("data-emphasis")) === "lit") break;
    await page.mouse.move(1, 1);
  }
  const ms = await page.evaluate(() => performance.now());
  if (process.env.BENCH_DEBUG) console.log(workspaceId, ms.toFixed(0), "ms,", await page.locator(".react-flow__node").count(), "nodes rendered");
  await context.close();
  return ms;
}

/** The sources list (no canvas) as the app's own floor: navigation → a row's Rename answering a click. */
async function sourcesListInteractive(workspaceId: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, storageState });
  const page = await context.newPage();
  await page.goto(`${base}/w/${workspaceId}/sources`, { waitUntil: "commit" });
  const rename = page.getByRole("button", { name: "Rename" }).first();
  for (;;) {
    await rename.click({ timeout: 30_000 });
    if ((await page.getByLabel(/^New name for/).count()) > 0) break;
  }
  const ms = await page.evaluate(() => performance.now());
  await context.close();
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const results: Record<string, number[]> = { "sources list page": [], "canvas 1 × 1": [], "canvas 50 × 50": [] };
await timeToInteractive(small, 2); // warm the server's caches and compiled routes
await timeToInteractive(large, 100);
for (let i = 0; i < loads; i++) {
  results["sources list page"]!.push(await sourcesListInteractive(small));
  results["canvas 1 × 1"]!.push(await timeToInteractive(small, 2));
  results["canvas 50 × 50"]!.push(await timeToInteractive(large, 100));
}
await browser.close();
server.kill("SIGTERM");
rmSync(dir, { recursive: true, force: true });

console.log(`\nconnections canvas, time to interactive (navigation start → nodes rendered and answering a hover), ${loads} loads each`);
for (const [label, times] of Object.entries(results)) {
  console.log(`  ${label.padEnd(20)} p50 ${median(times).toFixed(0).padStart(5)} ms   (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})`);
}
