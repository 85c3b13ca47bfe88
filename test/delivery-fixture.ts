import type { Db } from "../server/db";
import type { DestinationService } from "../server/delivery/destination-service";
import type { EventStore } from "../server/events/event-store";
import type { IngestService } from "../server/ingest/ingest-service";
import type { Runner, RunnerOptions } from "../server/runner/runner";
import type { SourceView } from "../server/sources/source-service";

/** Everything a delivery test needs, on the database DATABASE_URL names (set before calling). */
export type DeliveryFixture = {
  db: Db;
  workspaceId: string;
  source: SourceView;
  events: EventStore;
  destinations: DestinationService;
  /** Sends events through the real ingest path (validation, stamps, log). */
  send(batch: Array<Record<string, unknown>>): Promise<void>;
  runner(options?: RunnerOptions): Runner;
  close(): Promise<void>;
};

export async function createDeliveryFixture(): Promise<DeliveryFixture> {
  const { resolveDatabase } = await import("../server/database-url");
  const { migrate } = await import("../server/migrations");
  const { db } = await import("../server/db");
  const { ensureDefaultWorkspace, setAllowedPrivateHosts } = await import("../server/workspaces/workspace-service");
  const { SYSTEM_ACTOR } = await import("../server/auth/actor");
  const { SourceService } = await import("../server/sources/source-service");
  const { openEventStore } = await import("../server/events/open-event-store");
  const { GroupCommitWriter } = await import("../server/events/group-commit");
  const { IngestService } = await import("../server/ingest/ingest-service");
  const { WriteKeyResolver } = await import("../server/ingest/write-keys");
  const { DestinationService } = await import("../server/delivery/destination-service");
  const { Runner } = await import("../server/runner/runner");

  const target = resolveDatabase();
  await migrate(target);
  const workspaceId = (await ensureDefaultWorkspace(db)).workspace.id;
  // The tests' destination APIs listen on loopback, which only an allowed host may resolve to.
  await setAllowedPrivateHosts(db, SYSTEM_ACTOR, workspaceId, ["127.0.0.1"]);
  const source = await new SourceService(db, SYSTEM_ACTOR).create(workspaceId, { name: `source ${Date.now()}`, kind: "node" });
  const events = openEventStore(target);
  const ingest: IngestService = new IngestService(new WriteKeyResolver(db), new GroupCommitWriter(events));
  const authorization = `Basic ${Buffer.from(`${source.writeKey}:`).toString("base64")}`;
  const runners: Runner[] = [];
  return {
    db,
    workspaceId,
    source,
    events,
    destinations: new DestinationService(db, SYSTEM_ACTOR),
    async send(batch) {
      const result = await ingest.ingest({ call: "batch", body: { batch }, authorization });
      if (result.status !== 200) throw new Error(`ingest refused the events: ${JSON.stringify(result.body)}`);
    },
    runner(options) {
      const runner = new Runner(db, events, { pollIntervalMs: 20, ...options });
      runners.push(runner);
      return runner;
    },
    async close() {
      await Promise.all(runners.map((r) => r.stop()));
      await events.close();
    },
  };
}

/** Polls `check` until it is true or `timeoutMs` passes. */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = "the condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
