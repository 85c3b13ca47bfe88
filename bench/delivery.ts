// bench/delivery: how fast stored events become requests to a destination, and how fast
// mappings evaluate, each beside a baseline measured in the same run:
//   1. mapping evaluations/s: Switchyard's mapping engine vs Segment's mapping-kit
//      (@segment/actions-core) on an equivalent Mixpanel-style mapping;
//   2. delivery events/s: the runner (log → trigger → Mixpanel default mapping → validation →
//      batched HTTP) to a local sink in another process, vs posting the same batches directly.
//
//   npm run bench:delivery [-- --events 50000]
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { createRequire } from "node:module";

// actions-core's ESM build does not load on its own declared dependencies; its CommonJS build does.
const { transform } = createRequire(import.meta.url)("@segment/actions-core") as typeof import("@segment/actions-core");

const { values } = parseArgs({ options: { events: { type: "string", default: "50000" }, evaluations: { type: "string", default: "50000" } } });
const totalEvents = Number(values.events);
const evaluations = Number(values.evaluations);

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

type Row = { what: string; rate: string; unit: string; detail: string };
const rows: Row[] = [];

async function benchMappings(): Promise<void> {
  const { compileMapping } = await import("../server/mapping/compile");
  const { evaluateMapping } = await import("../server/mapping/evaluate");
  const compiled = compileMapping(JSONATA_MAPPING);
  const ours = await evaluateMapping(compiled, sample);
  const theirs = transform(MAPPING_KIT_MAPPING, sample);
  if (JSON.stringify(ours) !== JSON.stringify(theirs)) throw new Error(`The two mappings differ:\n${JSON.stringify(ours)}\n${JSON.stringify(theirs)}`);

  for (const round of ["warm-up", "measured"]) {
    let start = performance.now();
    for (let i = 0; i < evaluations; i++) transform(MAPPING_KIT_MAPPING, sample);
    const kitRate = evaluations / ((performance.now() - start) / 1000);
    start = performance.now();
    for (let i = 0; i < evaluations; i++) await evaluateMapping(compiled, sample, BENCH_LIMITS);
    const ourRate = evaluations / ((performance.now() - start) / 1000);
    if (round === "measured") {
      rows.push({ what: "mapping: @segment/actions-core mapping-kit (baseline)", rate: kitRate.toFixed(0), unit: "evaluations/s", detail: "10 fields" });
      rows.push({ what: `mapping: Switchyard JSONata (${compiled.kind})`, rate: ourRate.toFixed(0), unit: "evaluations/s", detail: `${((ourRate / kitRate) * 100).toFixed(0)}% of mapping-kit` });
    }
  }
  const mixpanel = compileMapping(readFileSync("mappings/mixpanel/track-event.jsonata", "utf8"));
  const start = performance.now();
  for (let i = 0; i < evaluations; i++) await evaluateMapping(mixpanel, sample, BENCH_LIMITS);
  rows.push({ what: `mapping: Mixpanel default track-event (${mixpanel.kind})`, rate: (evaluations / ((performance.now() - start) / 1000)).toFixed(0), unit: "evaluations/s", detail: "the catalog's own mapping" });
}

async function startSink(port: number) {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/sink-server.ts"], { env: { ...process.env, PORT: String(port) }, stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve) => child.stdout!.once("data", () => resolve()));
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

async function benchDelivery(): Promise<void> {
  const { createDeliveryFixture } = await import("../test/delivery-fixture");
  const { normalizeEvent, receivedNow } = await import("../server/ingest/normalize");
  const fx = await createDeliveryFixture();
  const { db, events, source, workspaceId, destinations } = fx;
  for (let start = 0; start < totalEvents; start += 5_000) {
    const batch = Array.from({ length: Math.min(5_000, totalEvents - start) }, (_, i) =>
      normalizeEvent(structuredClone({ ...sample, messageId: `bench-${start + i}` }), "track", source, receivedNow()),
    );
    await events.append(batch);
  }

  const sink = await startSink(3911);
  try {
    // Baseline: the same number of events, already mapped, posted in batches of 2,000.
    const payload = JSON.stringify(Array.from({ length: 2_000 }, () => transform(MAPPING_KIT_MAPPING, sample)));
    let start = performance.now();
    for (let sent = 0; sent < totalEvents; sent += 2_000) {
      const response = await fetch(`${sink.url}/import?strict=1`, { method: "POST", headers: { "content-type": "application/json" }, body: payload });
      await response.text();
    }
    const floor = totalEvents / ((performance.now() - start) / 1000);
    rows.push({ what: "delivery: POST pre-mapped batches to the sink (baseline)", rate: floor.toFixed(0), unit: "events/s", detail: "HTTP only" });

    const destination = await destinations.create(workspaceId, { type: "mixpanel", name: "Mixpanel (bench)", settings: { projectToken: "token", apiSecret: "secret", baseUrl: sink.url } });
    await destinations.connect(workspaceId, source.id, destination.id);
    await db.deliveryCursor.update({ where: { destinationId: destination.id }, data: { position: 0 } }); // deliver the stored history
    const runner = fx.runner({ pageSize: 2_000, requestsPerSecond: 10_000, concurrency: 4 });
    start = performance.now();
    await runner.runUntilIdle(10_000);
    const seconds = (performance.now() - start) / 1000;
    const delivered = ((await (await fetch(`${sink.url}/count`)).json()) as { events: number }).events - totalEvents;
    if (delivered !== totalEvents) throw new Error(`The sink received ${delivered} of ${totalEvents} events`);
    const rate = totalEvents / seconds;
    rows.push({ what: "delivery: runner, Mixpanel default track action → sink", rate: rate.toFixed(0), unit: "events/s", detail: `${((rate / floor) * 100).toFixed(0)}% of baseline, RSS ${rssMb()} MB` });
  } finally {
    sink.stop();
    await fx.close();
  }
}

await benchMappings();
await benchDelivery();
rmSync(dir, { recursive: true, force: true });
console.log(`\nbench/delivery: ${totalEvents} stored events, ${evaluations} mapping evaluations, one process (sink in another)\n`);
const widths = [Math.max(...rows.map((r) => r.what.length)), Math.max(...rows.map((r) => r.rate.length))];
for (const row of rows) console.log(`${row.what.padEnd(widths[0]!)}  ${row.rate.padStart(widths[1]!)} ${row.unit.padEnd(14)} ${row.detail}`);
process.exit(0);
