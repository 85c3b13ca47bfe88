// bench/preview: the action editor's live preview, round trip through the real HTTP tRPC
// endpoint (the same fetch handler as app/api/trpc), beside a trivial tRPC query as baseline.
// Each preview evaluates the Mixpanel "Track Event" default mapping (block, variables, $merge)
// over the Order Completed sample, validates it and builds the exact request without sending.
//
//   node --conditions=react-server --import tsx bench/preview.ts [--requests 400]
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { requests: { type: "string", default: "400" } } });
const requests = Math.max(200, Number(values.requests));

process.env.DATABASE_URL = `file:${path.join(mkdtempSync(path.join(tmpdir(), "switchyard-bench-preview-")), "bench.db")}`;
const { db } = await import("../server/db");
const { migrate } = await import("../server/migrations");
const { resolveDatabase } = await import("../server/database-url");
const { createTrpcContext } = await import("../server/trpc/init");
const { createRequestContext } = await import("../server/trpc/request-context");
const { appRouter } = await import("../server/trpc/routers/_app");
const { fetchRequestHandler } = await import("@trpc/server/adapters/fetch");

await migrate(resolveDatabase());
const workspaceId = (await db.workspace.create({ data: { name: "Bench" } })).id;
const user = { id: "bench-user", email: "bench@example.com", name: "Bench" };
await db.user.create({ data: user });
await db.membership.create({ data: { workspaceId, userId: user.id, role: "admin" } });
const caller = appRouter.createCaller(createTrpcContext(db, { user, via: { kind: "session" } }));
// Requests authenticate as the browser's would: each one carries a credential that is checked.
const { token } = await caller.tokens.create({ workspaceId, name: "bench" });
const authorization = { authorization: `Bearer ${token}` };
const destination = await caller.destinations.create({ workspaceId, type: "mixpanel", name: "Mixpanel", settings: { projectToken: "token-1234567890", apiSecret: "secret-abcdefghijkl" } });
const actionId = destination.actions.find((a) => a.key === "trackEvent")!.id;
const event = JSON.parse(readFileSync("mappings/samples/order-completed.json", "utf8")) as Record<string, unknown>;

// A plain Node HTTP server handing every request to tRPC's fetch handler, as Next's route does.
const server = createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const request = new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body: req.method === "POST" ? Buffer.concat(chunks) : undefined });
  const response = await fetchRequestHandler({ endpoint: "/api/trpc", req: request, router: appRouter, createContext: () => createRequestContext(db, request.headers) });
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/trpc`;

async function timeRequests(label: string, send: (i: number) => Promise<Response>): Promise<{ label: string; p50: number; p95: number; p99: number }> {
  for (let i = 0; i < 30; i++) await (await send(i)).arrayBuffer(); // warm up
  const times: number[] = [];
  for (let i = 0; i < requests; i++) {
    const started = performance.now();
    const response = await send(i);
    const body = await response.text();
    if (!response.ok) throw new Error(`${label}: HTTP ${response.status} ${body.slice(0, 200)}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { label, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

const baseline = await timeRequests("baseline: workspaces.get (a trivial query)", () => fetch(`${base}/workspaces.get?input=${encodeURIComponent(JSON.stringify({ workspaceId }))}`, { headers: authorization }));
const mapping = (await caller.actions.get({ workspaceId, actionId })).mapping;
const preview = await timeRequests("actions.preview (Mixpanel Track Event, edited each time)", (i) =>
  fetch(`${base}/actions.preview`, {
    method: "POST",
    headers: { "content-type": "application/json", ...authorization },
    // a different mapping text each time, as when typing: each one is compiled afresh
    body: JSON.stringify({ workspaceId, actionId, mapping: `${mapping}\n/* edit ${i} */`, event }),
  }),
);
const unchanged = await timeRequests("actions.preview (same mapping, new sample field)", (i) =>
  fetch(`${base}/actions.preview`, { method: "POST", headers: { "content-type": "application/json", ...authorization }, body: JSON.stringify({ workspaceId, actionId, event: { ...event, messageId: `m-${i}` } }) }),
);

console.log(`${requests} requests each, one at a time, over loopback HTTP`);
for (const row of [baseline, preview, unchanged]) {
  console.log(`${row.label.padEnd(60)} p50 ${row.p50.toFixed(2)} ms   p95 ${row.p95.toFixed(2)} ms   p99 ${row.p99.toFixed(2)} ms`);
}
console.log(`target: preview p95 < 50 ms — ${preview.p95 < 50 ? "met" : "NOT met"}`);
server.close();
await db.$disconnect();
