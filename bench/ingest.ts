// bench/ingest: Switchyard's ingest API against the floor of a bare node:http server, in one
// run, on this machine. Each server runs in its own process; the load comes from this one
// (autocannon) over loopback, for a bounded time. Prints events/s, p50/p99 latency and the
// server's RSS, and Switchyard's ratio to the floor.
//
// Each figure is the median of `--runs` runs. "server µs/event" is the CPU time (all threads,
// user + system, from /proc) the server process spent per event during the measured run:
// unlike events/s it hardly moves when other work shares the machine. "client µs/event" is the
// load generator's.
//
//   npm run bench:ingest [-- --seconds 10 --connections 32 --runs 3 --only switchyard --scenario batch]
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "32" },
    runs: { type: "string", default: "1" },
    database: { type: "string" },
    /** Measure only the floor or only Switchyard (the ratio column then needs both). */
    only: { type: "string" },
    /** Only the scenarios whose endpoint contains this text ("batch", "track"). */
    scenario: { type: "string" },
  },
});
const runs = Number(values.runs);
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

type Result = {
  requestsPerSecond: number;
  eventsPerSecond: number;
  p50: number;
  p99: number;
  rssMb: number;
  errors: number;
  non2xx: number;
  /** CPU time of the server process (all its threads) per event, in µs. */
  serverCpuUs: number;
  /** CPU time of the server's main thread (HTTP, parsing, validation) per event, in µs. */
  mainCpuUs: number;
  /** CPU time of this process (the load generator) per event, in µs. */
  clientCpuUs: number;
};

/**
 * User + system CPU time so far, in µs (from /proc, clock ticks of 10 ms), of a whole process
 * or, with `thread`, of one of its threads (the main thread's id is the process id).
 */
function processCpuUs(pid: number, thread?: number): number {
  const stat = readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

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

async function load(url: string, scenario: Scenario, writeKey: string | null, duration: number, pid: number): Promise<Result> {
  let n = 0;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (writeKey) headers.authorization = `Basic ${Buffer.from(`${writeKey}:`).toString("base64")}`;
  const serverBefore = processCpuUs(pid);
  const mainBefore = processCpuUs(pid, pid);
  const clientBefore = process.cpuUsage();
  const result = await autocannon({
    url: `${url}${scenario.path}`,
    connections,
    duration,
    headers,
    requests: [{ method: "POST", setupRequest: (request) => ({ ...request, body: scenario.body(n++) }) }],
  });
  const client = process.cpuUsage(clientBefore);
  const serverCpu = processCpuUs(pid) - serverBefore;
  const mainCpu = processCpuUs(pid, pid) - mainBefore;
  const events = result.requests.total * scenario.eventsPerRequest;
  return {
    requestsPerSecond: result.requests.average,
    eventsPerSecond: result.requests.average * scenario.eventsPerRequest,
    p50: result.latency.p50,
    p99: result.latency.p99,
    rssMb: 0,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    serverCpuUs: serverCpu / events,
    mainCpuUs: mainCpu / events,
    clientCpuUs: (client.user + client.system) / events,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The median of `runs` runs, field by field (errors summed), after a warm-up. */
async function measure(url: string, pid: number, scenario: Scenario, writeKey: string | null): Promise<Result> {
  await load(url, scenario, writeKey, 2, pid); // warm-up
  const all: Result[] = [];
  for (let i = 0; i < runs; i++) all.push({ ...(await load(url, scenario, writeKey, seconds, pid)), rssMb: rssMb(pid) });
  if (runs > 1) console.error(`${scenario.name}: ${all.map((r) => r.eventsPerSecond.toFixed(0)).join(", ")} events/s`);
  const pick = (key: keyof Result) => median(all.map((r) => r[key]));
  return {
    requestsPerSecond: pick("requestsPerSecond"), eventsPerSecond: pick("eventsPerSecond"), p50: pick("p50"), p99: pick("p99"),
    rssMb: Math.max(...all.map((r) => r.rssMb)), errors: all.reduce((n, r) => n + r.errors, 0), non2xx: all.reduce((n, r) => n + r.non2xx, 0),
    serverCpuUs: pick("serverCpuUs"), mainCpuUs: pick("mainCpuUs"), clientCpuUs: pick("clientCpuUs"),
  };
}

async function main() {
  const results: Array<{ server: string; scenario: Scenario; result: Result }> = [];
  const chosen = scenarios.filter((s) => !values.scenario || s.path.includes(values.scenario));
  // Extra node flags for the Switchyard process only, e.g. BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);

  if (values.only !== "switchyard") {
    const floorPort = "3901";
    const floor = await startProcess(["--import", "tsx", "bench/floor-server.ts"], { PORT: floorPort }, /listening/);
    for (const scenario of chosen) results.push({ server: "floor (bare node:http)", scenario, result: await measure(`http://127.0.0.1:${floorPort}`, floor.child.pid!, scenario, null) });
    floor.child.kill();
  }

  if (values.only !== "floor") {
    const dir = mkdtempSync(path.join(tmpdir(), "switchyard-bench-"));
    const databaseUrl = values.database ?? `file:${path.join(dir, "bench.db")}`;
    const port = "3902";
    const app = await startProcess(
      [...nodeArgs, "--import", "tsx", "server/main.ts"],
      { PORT: port, DATABASE_URL: databaseUrl, SWITCHYARD_NO_UI: "1", NODE_ENV: "production" },
      /write key: (\S+)/,
    );
    const writeKey = /write key: (\S+)/.exec(app.output)![1]!;
    const label = `Switchyard (${databaseUrl.startsWith("postgres") ? "PostgreSQL" : "SQLite"})`;
    for (const scenario of chosen) results.push({ server: label, scenario, result: await measure(`http://127.0.0.1:${port}`, app.child.pid!, scenario, writeKey) });
    app.child.kill("SIGTERM");
    await new Promise((resolve) => app.child.once("exit", resolve));
    rmSync(dir, { recursive: true, force: true });
  }

  console.log(`\nbench/ingest: ${seconds} s per run, median of ${runs}, ${connections} connections, loopback, load from a separate process\n`);
  const header = ["server", "endpoint", "req/s", "events/s", "p50 ms", "p99 ms", "RSS MB", "errors", "non-2xx", "server µs/event", "main thread", "client µs/event", "vs floor"];
  const rows = results.map(({ server, scenario, result }) => {
    const floorResult = results.find((r) => r.server.startsWith("floor") && r.scenario === scenario)?.result;
    return [
      server, scenario.name, result.requestsPerSecond.toFixed(0), result.eventsPerSecond.toFixed(0), String(result.p50), String(result.p99),
      result.rssMb.toFixed(0), String(result.errors), String(result.non2xx), result.serverCpuUs.toFixed(1), result.mainCpuUs.toFixed(1), result.clientCpuUs.toFixed(1),
      floorResult ? `${((result.requestsPerSecond / floorResult.requestsPerSecond) * 100).toFixed(0)}%` : "-",
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [header, ...rows]) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join("  "));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
