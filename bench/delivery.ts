// bench/delivery: how fast stored events become requests to a destination, and how fast
// mappings evaluate, each beside a baseline measured in the same run:
//   1. mapping evaluations/s: Switchyard's mapping engine vs Segment's mapping-kit
//      (@segment/actions-core) on an equivalent Mixpanel-style mapping;
//   2. delivery events/s: the runner (log → trigger → Mixpanel default mapping → validation →
//      batched HTTP → recorded outcomes) to a local sink in another process, vs posting the
//      same number of events, mapped beforehand, in batches directly.
// Each measurement is repeated (`--runs`) and its median printed, with the range, and, for
// delivery, this process's CPU time per 1,000 events (the sink's is not counted): on a shared
// machine wall-clock rates are noisy, CPU time much less so.
//
//   npm run bench:delivery [-- --events 50000 --runs 5 --page-size 500 --users 5000 --sink-latency-ms 50 --cpu-prof runner.cpuprofile]
// `--cpu-prof` writes a CPU profile of the runner's last run only (open it in Chrome DevTools).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { createRequire } from "node:module";

// actions-core's ESM build does not load on its own declared dependencies; its CommonJS build does.
const { transform } = createRequire(import.meta.url)("@segment/actions-core") as typeof import("@segment/actions-core");

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "50000" },
    evaluations: { type: "string", default: "50000" },
    runs: { type: "string", default: "5" },
    /** Unset: as the runner chooses by default (a Mixpanel destination's pages fill its 2,000-event batches). */
    "page-size": { type: "string" },
    users: { type: "string", default: "5000" },
    /** How long the sink takes to answer each request (0: at once; 50 is like a real API across a network). */
    "sink-latency-ms": { type: "string", default: "0" },
    "cpu-prof": { type: "string" },
  },
});
const totalEvents = Number(values.events);
const evaluations = Number(values.evaluations);
const runs = Math.max(1, Number(values.runs));
const pageSize = values["page-size"] === undefined ? undefined : Number(values["page-size"]);
const users = Number(values.users);
const sinkLatencyMs = Number(values["sink-latency-ms"]);

const dir = mkdtempSync(path.join(tmpdir(), "switchyard-bench-delivery-"));
process.env.DATABASE_URL = `file:${path.join(dir, "bench.db")}`;

const sample = JSON.parse(readFileSync("mappings/samples/order-completed.json", "utf8")) as Record<string, unknown>;
const rssMb = () => (process.memoryUsage().rss / 1024 / 1024).toFixed(0);

/** The same Mixpanel-style payload, written in each mapping language. */
const JSONATA_MAPPING = `{
  "event": event,
  "properties": {
    "distinct_id": userId ? userId : anonymousId,
    "time": timestamp,
    "$insert_id": messageId,
    "$current_url": context.page.url,
    "$referrer": context.page.referrer,
    "ip": context.ip,
    "$os": context.os.name,
    "total": properties.total,
    "currency": properties.currency,
    "library": context.library.name
  }
}`;
const MAPPING_KIT_MAPPING = {
  event: { "@path": "$.event" },
  properties: {
    distinct_id: { "@if": { exists: { "@path": "$.userId" }, then: { "@path": "$.userId" }, else: { "@path": "$.anonymousId" } } },
    time: { "@path": "$.timestamp" },
    $insert_id: { "@path": "$.messageId" },
    $current_url: { "@path": "$.context.page.url" },
    $referrer: { "@path": "$.context.page.referrer" },
    ip: { "@path": "$.context.ip" },
    $os: { "@path": "$.context.os.name" },
    total: { "@path": "$.properties.total" },
    currency: { "@path": "$.properties.currency" },
    library: { "@path": "$.context.library.name" },
  },
};

/** A generous time budget, so that a busy machine measures slowly rather than failing. */
const BENCH_LIMITS = { timeoutMs: 5_000 };

/** One measurement's runs: rates (per second) and, where measured, CPU ms per 1,000 items. */
type Series = { rates: number[]; cpuPer1k: number[] };
const series = () => ({ rates: [], cpuPer1k: [] }) as Series;
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Runs `work` over `count` items and adds its rate and CPU time to `into`. */
async function measure(into: Series, count: number, work: () => Promise<void>): Promise<void> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await work();
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  into.rates.push(count / seconds);
  into.cpuPer1k.push((used.user + used.system) / 1000 / (count / 1000));
}

type Row = { what: string; series: Series; unit: string; detail: string };
const rows: Row[] = [];

async function benchMappings(): Promise<void> {
  const { compileMapping } = await import("../server/mapping/compile");
  const { evaluateMapping } = await import("../server/mapping/evaluate");
  const compiled = compileMapping(JSONATA_MAPPING);
  const ours = await evaluateMapping(compiled, sample);
  const theirs = transform(MAPPING_KIT_MAPPING, sample);
  if (JSON.stringify(ours) !== JSON.stringify(theirs)) throw new Error(`The two mappings differ:\n${JSON.stringify(ours)}\n${JSON.stringify(theirs)}`);
  const mixpanel = compileMapping(readFileSync("mappings/mixpanel/track-event.jsonata", "utf8"));

  const [kit, switchyard, catalog] = [series(), series(), series()];
  // one warm-up round, then the measured ones
  for (let round = 0; round <= runs; round++) {
    const [k, s, c] = round === 0 ? [series(), series(), series()] : [kit, switchyard, catalog];
    await measure(k, evaluations, async () => {
      for (let i = 0; i < evaluations; i++) transform(MAPPING_KIT_MAPPING, sample);
    });
    await measure(s, evaluations, async () => {
      for (let i = 0; i < evaluations; i++) await evaluateMapping(compiled, sample, BENCH_LIMITS);
    });
    await measure(c, evaluations, async () => {
      for (let i = 0; i < evaluations; i++) await evaluateMapping(mixpanel, sample, BENCH_LIMITS);
    });
  }
  rows.push({ what: "mapping: @segment/actions-core mapping-kit (baseline)", series: kit, unit: "evaluations/s", detail: "10 fields" });
  rows.push({
    what: `mapping: Switchyard JSONata (${compiled.kind})`,
    series: switchyard,
    unit: "evaluations/s",
    detail: `${((median(switchyard.rates) / median(kit.rates)) * 100).toFixed(0)}% of mapping-kit`,
  });
  rows.push({ what: `mapping: Mixpanel default track-event (${mixpanel.kind})`, series: catalog, unit: "evaluations/s", detail: "the catalog's own mapping" });
}

async function startSink() {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/sink-server.ts"], { env: { ...process.env, PORT: "0", SINK_LATENCY_MS: String(sinkLatencyMs) }, stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve) => child.stdout!.once("data", (chunk: Buffer) => resolve(Number(/\d+/.exec(chunk.toString())![0]))));
  const url = `http://127.0.0.1:${port}`;
  const received = async () => ((await (await fetch(`${url}/count`)).json()) as { events: number }).events;
  return { url, received, stop: () => child.kill() };
}

async function benchDelivery(): Promise<void> {
  const { createDeliveryFixture } = await import("../test/delivery-fixture");
  const { normalizeEvent, receivedNow } = await import("../server/ingest/normalize");
  const fx = await createDeliveryFixture();
  const { db, events, source, workspaceId, destinations } = fx;
  // As analytics.js sends them: message ids Mixpanel's $insert_id cannot take as they are, and
  // `--users` users (ordering is kept per user).
  const event = (n: number) => ({ ...sample, messageId: `ajs-next-${n.toString(16).padStart(32, "0")}`, userId: `user-${n % users}` });
  for (let start = 0; start < totalEvents; start += 5_000) {
    const batch = Array.from({ length: Math.min(5_000, totalEvents - start) }, (_, i) => normalizeEvent(structuredClone(event(start + i)), "track", source, receivedNow()));
    await events.append(batch);
  }

  const sink = await startSink();
  const profiler = values["cpu-prof"] ? new Session() : null;
  try {
    const destination = await destinations.create(workspaceId, { type: "mixpanel", name: "Mixpanel (bench)", settings: { projectToken: "token", apiSecret: "secret", baseUrl: sink.url } });
    await destinations.connect(workspaceId, source.id, destination.id);
    const runner = fx.runner({ pageSize, requestsPerSecond: 10_000, concurrency: 4 });
    // Baseline: the same number of events, already mapped by the same mapping, posted in
    // batches of 2,000.
    const { compileMapping } = await import("../server/mapping/compile");
    const mapped = await compileMapping(readFileSync("mappings/mixpanel/track-event.jsonata", "utf8")).evaluate(sample);
    const payload = JSON.stringify(Array.from({ length: 2_000 }, () => mapped));
    const [direct, ours] = [series(), series()];
    if (profiler) {
      profiler.connect();
      await profiler.post("Profiler.enable");
    }
    for (let run = 0; run < runs; run++) {
      await measure(direct, totalEvents, async () => {
        for (let sent = 0; sent < totalEvents; sent += 2_000) {
          const response = await fetch(`${sink.url}/import?strict=1`, { method: "POST", headers: { "content-type": "application/json" }, body: payload });
          await response.text();
        }
      });
      await db.deliveryCursor.upsert({ where: { destinationId: destination.id }, create: { destinationId: destination.id, position: 0 }, update: { position: 0 } }); // deliver the stored history
      const before = await sink.received();
      if (profiler) await profiler.post("Profiler.start");
      await measure(ours, totalEvents, () => runner.runUntilIdle(10_000));
      if (profiler) await profiler.post("Profiler.stop").then(({ profile }) => writeFileSync(values["cpu-prof"]!, JSON.stringify(profile)));
      const delivered = (await sink.received()) - before;
      if (delivered !== totalEvents) throw new Error(`The sink received ${delivered} of ${totalEvents} events`);
    }
    rows.push({ what: "delivery: POST pre-mapped batches to the sink (baseline)", series: direct, unit: "events/s", detail: "HTTP only" });
    rows.push({
      what: "delivery: runner, Mixpanel default track action → sink",
      series: ours,
      unit: "events/s",
      detail: `${((median(ours.rates) / median(direct.rates)) * 100).toFixed(0)}% of baseline, page ${pageSize ?? "automatic"}, RSS ${rssMb()} MB`,
    });
  } finally {
    profiler?.disconnect();
    sink.stop();
    await fx.close();
  }
}

await benchMappings();
await benchDelivery();
rmSync(dir, { recursive: true, force: true });
console.log(
  `\nbench/delivery: ${totalEvents} stored events, ${evaluations} mapping evaluations, median of ${runs} runs (range), one process (sink in another, answering ${sinkLatencyMs === 0 ? "at once" : `after ${sinkLatencyMs} ms`})\n`,
);
const cells = rows.map((row) => ({
  what: row.what,
  rate: median(row.series.rates).toFixed(0),
  range: `(${Math.min(...row.series.rates).toFixed(0)}–${Math.max(...row.series.rates).toFixed(0)})`,
  cpu: row.unit === "events/s" ? `${median(row.series.cpuPer1k).toFixed(1)} CPU ms/1k` : "",
  unit: row.unit,
  detail: row.detail,
}));
const width = (key: "what" | "rate" | "range" | "cpu") => Math.max(...cells.map((c) => c[key].length));
for (const c of cells) {
  console.log(`${c.what.padEnd(width("what"))}  ${c.rate.padStart(width("rate"))} ${c.unit.padEnd(14)} ${c.range.padEnd(width("range"))}  ${c.cpu.padEnd(width("cpu"))}  ${c.detail}`);
}
process.exit(0);
