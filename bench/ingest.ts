// bench/ingest: Switchyard's ingest API against the floor of a bare node:http server, in one
// run, on this machine. Each server runs in its own process; the load comes from this one
// (autocannon) over loopback, for a bounded time. Prints events/s, p50/p99 latency and the
// server's RSS, and Switchyard's ratio to the floor.
//
//   npm run bench:ingest [-- --seconds 10 --connections 32]
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";

const { values } = parseArgs({
  options: { seconds: { type: "string", default: "10" }, connections: { type: "string", default: "32" }, database: { type: "string" } },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const BATCH_SIZE = 100;

/** A realistic track call, as @segment/analytics-node sends it (~600 bytes). */
function trackEvent(messageId: string) {
  return {
    type: "track",
    event: "Order Completed",
    userId: "user-8fd31c",
    anonymousId: "3a12eab0-bca7-11e9-8b2b-f3d2f5a2c1c4",
    messageId,
    timestamp: "2026-11-29T10:00:00.000Z",
    properties: { order_id: "50314b8e9bcf000000000000", total: 27.5, revenue: 25, currency: "USD", coupon: "hasbros", products: [{ product_id: "507f1f77bcf86cd799439011", sku: "45790-32", name: "Monopoly: 3rd Edition", price: 19, quantity: 1, category: "Games" }] },
    context: { library: { name: "@segment/analytics-node", version: "3.1.0" }, ip: "203.0.113.7", userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36" },
  };
}

type Scenario = { name: string; path: string; eventsPerRequest: number; body: (n: number) => string };
const run = Date.now().toString(36);
const scenarios: Scenario[] = [
  {
    name: `/v1/batch (${BATCH_SIZE} events)`,
    path: "/v1/batch",
    eventsPerRequest: BATCH_SIZE,
    body: (n) => JSON.stringify({ batch: Array.from({ length: BATCH_SIZE }, (_, i) => trackEvent(`${run}-b-${n}-${i}`)), sentAt: new Date().toISOString() }),
  },
  { name: "/v1/track", path: "/v1/track", eventsPerRequest: 1, body: (n) => JSON.stringify(trackEvent(`${run}-t-${n}`)) },
];

type Result = { requestsPerSecond: number; eventsPerSecond: number; p50: number; p99: number; rssMb: number; errors: number; non2xx: number };

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function startProcess(args: string[], env: Record<string, string>, ready: RegExp): Promise<{ child: ChildProcess; output: string }> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) resolve();
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  return { child, output };
}

async function load(url: string, scenario: Scenario, writeKey: string | null, duration: number): Promise<Result & { pid?: number }> {
  let n = 0;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (writeKey) headers.authorization = `Basic ${Buffer.from(`${writeKey}:`).toString("base64")}`;
  const result = await autocannon({
    url: `${url}${scenario.path}`,
    connections,
    duration,
    headers,
    requests: [{ method: "POST", setupRequest: (request) => ({ ...request, body: scenario.body(n++) }) }],
  });
  return {
    requestsPerSecond: result.requests.average,
    eventsPerSecond: result.requests.average * scenario.eventsPerRequest,
    p50: result.latency.p50,
    p99: result.latency.p99,
    rssMb: 0,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

async function measure(url: string, pid: number, scenario: Scenario, writeKey: string | null): Promise<Result> {
  await load(url, scenario, writeKey, 2); // warm-up
  const result = await load(url, scenario, writeKey, seconds);
  return { ...result, rssMb: rssMb(pid) };
}

async function main() {
  const results: Array<{ server: string; scenario: Scenario; result: Result }> = [];

  const floorPort = "3901";
  const floor = await startProcess(["--import", "tsx", "bench/floor-server.ts"], { PORT: floorPort }, /listening/);
  for (const scenario of scenarios) results.push({ server: "floor (bare node:http)", scenario, result: await measure(`http://127.0.0.1:${floorPort}`, floor.child.pid!, scenario, null) });
  floor.child.kill();

  const dir = mkdtempSync(path.join(tmpdir(), "switchyard-bench-"));
  const databaseUrl = values.database ?? `file:${path.join(dir, "bench.db")}`;
  const port = "3902";
  const app = await startProcess(
    ["--import", "tsx", "server/main.ts"],
    { PORT: port, DATABASE_URL: databaseUrl, SWITCHYARD_NO_UI: "1", NODE_ENV: "production", SWITCHYARD_SQLITE_WRITER: process.env.SWITCHYARD_SQLITE_WRITER ?? "inline" },
    /write key: (\S+)/,
  );
  const writeKey = /write key: (\S+)/.exec(app.output)![1]!;
  for (const scenario of scenarios) results.push({ server: `Switchyard (${databaseUrl.startsWith("postgres") ? "PostgreSQL" : "SQLite"})`, scenario, result: await measure(`http://127.0.0.1:${port}`, app.child.pid!, scenario, writeKey) });
  app.child.kill("SIGTERM");
  await new Promise((resolve) => app.child.once("exit", resolve));
  rmSync(dir, { recursive: true, force: true });

  console.log(`\nbench/ingest: ${seconds} s per run, ${connections} connections, loopback, load from a separate process\n`);
  const header = ["server", "endpoint", "req/s", "events/s", "p50 ms", "p99 ms", "RSS MB", "errors", "non-2xx", "vs floor"];
  const rows = results.map(({ server, scenario, result }) => {
    const floorResult = results.find((r) => r.server.startsWith("floor") && r.scenario === scenario)!.result;
    return [
      server, scenario.name, result.requestsPerSecond.toFixed(0), result.eventsPerSecond.toFixed(0), String(result.p50), String(result.p99),
      result.rssMb.toFixed(0), String(result.errors), String(result.non2xx), `${((result.requestsPerSecond / floorResult.requestsPerSecond) * 100).toFixed(0)}%`,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [header, ...rows]) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join("  "));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
