import { spawn } from "node:child_process";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startLocalApi, type LocalApi } from "../server/destinations/testing/local-api";
import type { CycleRecord } from "../server/runner/delivery-records";
import { createDeliveryFixture, eventually, type DeliveryFixture } from "./delivery-fixture";

const fastRetries = { retryPolicy: { baseDelayMs: 20, maxDelayMs: 100, retryWindowMs: 60_000 } };
const track = (i: number, extra: Record<string, unknown> = {}) => ({ type: "track", userId: `user-${i % 7}`, event: "Order Completed", messageId: `msg-${i}`, properties: { i }, ...extra });
const messageIdsOf = (api: LocalApi) => api.requests.flatMap((r) => (Array.isArray(r.body) ? r.body : [r.body]).map((e) => (e as { messageId: string }).messageId));

/**
 * The runner's behaviour, on the database the calling test file configured through
 * DATABASE_URL (SQLite or PostgreSQL).
 */
export function defineRunnerSuite(label: string, enabled: boolean): void {
describe.skipIf(!enabled)(`the runner on ${label}`, () => {
  let fx: DeliveryFixture;
  const apis: LocalApi[] = [];
  beforeAll(async () => {
    fx = await createDeliveryFixture();
  });
  afterAll(async () => {
    await fx.close();
  });
  afterEach(async () => {
    await Promise.all(apis.splice(0).map((api) => api.close()));
  });

  async function webhook(name: string, settings: Record<string, unknown> = {}) {
    const api = await startLocalApi();
    apis.push(api);
    const destination = await fx.destinations.create(fx.workspaceId, { type: "webhook", name, settings: { url: `${api.url}/hook`, ...settings } });
    await fx.destinations.connect(fx.workspaceId, fx.source.id, destination.id);
    return { api, destination };
  }

  it("starts a new destination at the end of the log and delivers what comes after", async () => {
    await fx.send([track(0, { messageId: "before" })]);
    const { api } = await webhook("starts at the end");
    await fx.send([track(1, { messageId: "after" })]);
    await fx.runner().runUntilIdle();
    expect(messageIdsOf(api)).toEqual(["after"]);
  });

  it("retries a 500 and a 429 and then delivers the event once", async () => {
    const { api, destination } = await webhook("flaky");
    api.reply({ status: 500, body: { error: "boom" } }, { status: 429, headers: { "Retry-After": "0" }, body: "slow down" });
    await fx.send([track(1, { messageId: "retried-once" })]);
    const runner = fx.runner(fastRetries);
    await eventually(async () => {
      await runner.runUntilIdle();
      return api.requests.length >= 3 && (await fx.db.deliveryRetry.count({ where: { destinationId: destination.id } })) === 0;
    }, 10_000, "the retries");
    expect(messageIdsOf(api)).toEqual(["retried-once", "retried-once", "retried-once"]);
    const attempts = await fx.db.deliveryAttempt.findMany({ where: { destinationId: destination.id }, orderBy: { createdAt: "asc" } });
    expect(attempts.map((a) => [a.status, a.responseStatus])).toEqual([["retrying", 500], ["retrying", 429], ["succeeded", 200]]);
    expect(attempts[0]!.responseBody).toBe('{"error":"boom"}');
    expect(await fx.db.deadLetter.count({ where: { destinationId: destination.id } })).toBe(0);
  });

  it("retries an event through its action even once the action's trigger no longer takes its type", async () => {
    const { api, destination } = await webhook("trigger changed");
    api.reply({ status: 500, body: { error: "boom" } });
    await fx.send([track(3, { messageId: "retried-after-trigger-change" })]);
    // the retry waits until the trigger has changed, then is made due
    const runner = fx.runner({ retryPolicy: { baseDelayMs: 60_000, maxDelayMs: 60_000, retryWindowMs: 3_600_000 } });
    await runner.runUntilIdle();
    expect(await fx.db.deliveryRetry.count({ where: { destinationId: destination.id } })).toBe(1);
    await fx.db.action.update({ where: { id: destination.actions[0]!.id }, data: { trigger: 'type = "identify"', version: { increment: 1 } } });
    await fx.db.deliveryRetry.updateMany({ where: { destinationId: destination.id }, data: { nextAttemptAt: new Date(0) } });
    await runner.runUntilIdle();
    expect(await fx.db.deliveryRetry.count({ where: { destinationId: destination.id } })).toBe(0);
    expect(messageIdsOf(api)).toEqual(["retried-after-trigger-change", "retried-after-trigger-change"]);
    expect(await fx.db.deadLetter.count({ where: { destinationId: destination.id } })).toBe(0);
  });

  it("sends a final 4xx to the dead-letter queue, and a redrive delivers it", async () => {
    const { api, destination } = await webhook("refuses");
    api.reply({ status: 400, body: { error: "bad field" } });
    await fx.send([track(2, { messageId: "dead-then-redriven" })]);
    const runner = fx.runner(fastRetries);
    await runner.runUntilIdle();
    const [letter] = await fx.db.deadLetter.findMany({ where: { destinationId: destination.id } });
    expect(letter).toMatchObject({ errorCode: "REJECTED", attempts: 1 });
    const { DeliveryLogService } = await import("../server/delivery/delivery-log-service");
    const { SYSTEM_ACTOR } = await import("../server/auth/actor");
    expect(await new DeliveryLogService(fx.db, SYSTEM_ACTOR).redrive(fx.workspaceId, destination.id)).toEqual({ redriven: 1 });
    expect(await fx.db.deliveryRetry.findMany({ where: { destinationId: destination.id }, select: { userKey: true, attempts: true } })).toEqual([{ userKey: "user-2", attempts: 0 }]);
    await runner.runUntilIdle();
    expect(messageIdsOf(api)).toEqual(["dead-then-redriven", "dead-then-redriven"]);
    expect(await new DeliveryLogService(fx.db, SYSTEM_ACTOR).deadLetters(fx.workspaceId, destination.id)).toEqual([]);
  });

  it("writes a cycle's request log in the cycle's transaction: listed newest first, and rolled back with it", async () => {
    const { destination } = await webhook("request log");
    const { DeliveryRecords } = await import("../server/runner/delivery-records");
    const { deliveryLogPage } = await import("../server/delivery/delivery-log-page");
    const records = new DeliveryRecords(fx.db, fastRetries.retryPolicy);
    expect(await records.claim(destination.id, "log-owner", 60_000, () => Promise.resolve(0))).not.toBeNull();
    const actionId = destination.actions[0]!.id;
    const sent = (n: number): CycleRecord["attempts"][number] => ({
      actionId,
      positions: [n, n + 1],
      status: "succeeded",
      attempt: { request: { method: "POST", url: "http://127.0.0.1/hook", headers: {}, body: `{"n":${n}}` }, response: { status: 200, headers: {}, body: "ok" }, durationMs: 3.4 },
    });
    const cycle = { destinationId: destination.id, owner: "log-owner", keepsUserOrder: false, cursor: 10, outcomes: [] };
    expect(await records.record({ ...cycle, attempts: [sent(1), sent(3), sent(5)] })).toBe(true);
    const page = await deliveryLogPage(fx.db, fx.workspaceId, destination.id);
    expect(page.attempts.map((a) => [a.request, a.eventPositions, a.responseStatus, a.responseBody, a.durationMs])).toEqual(
      [5, 3, 1].map((n) => [{ method: "POST", url: "http://127.0.0.1/hook", headers: {}, body: `{"n":${n}}` }, [n, n + 1], 200, "ok", 3]),
    );
    expect(Math.abs(Date.parse(page.attempts[0]!.createdAt) - Date.now())).toBeLessThan(60_000);
    // a dead letter that cannot be written fails the cycle's record, and its request log with it
    const unwritable = { actionId, position: Number.NaN, userKey: null, failure: { code: "REJECTED", message: "no", retryable: false } };
    await expect(records.record({ ...cycle, attempts: [sent(7)], outcomes: [unwritable] })).rejects.toThrow();
    expect(await fx.db.deliveryAttempt.count({ where: { destinationId: destination.id } })).toBe(3);
  });

  it("keeps delivering to a healthy destination while another keeps failing slowly", async () => {
    const failing = await webhook("down");
    failing.api.replyByDefault({ status: 503, delayMs: 300, body: "unavailable" });
    const healthy = await webhook("up");
    const runner = fx.runner({ ...fastRetries, pageSize: 100 });
    runner.start();
    const started = Date.now();
    await fx.send(Array.from({ length: 200 }, (_, i) => track(i, { messageId: `iso-${i}` })));
    await eventually(() => healthy.api.requests.length >= 200, 15_000, "the healthy destination");
    const healthyMs = Date.now() - started;
    // Each of the failing destination's requests takes 300 ms, so it has got through only a
    // small part of the same events by now; the healthy one did not wait for it.
    console.log(`healthy destination: 200 events in ${healthyMs} ms; failing destination meanwhile answered ${failing.api.requests.length} requests`);
    expect(failing.api.requests.length).toBeLessThan(100);
    await runner.stop();
  });

  it("fails a hostile mapping's deliveries with a clear error while the other actions go on", async () => {
    const { api, destination } = await webhook("hostile");
    const [send] = destination.actions;
    await fx.destinations.updateAction(fx.workspaceId, send!.id, { mapping: "( $f := function($n){ $f($n + 1) }; $f(0) )" });
    await fx.db.action.create({ data: { destinationId: destination.id, key: "send", name: "Send (copy)", trigger: 'type = "track"', mapping: '{ "id": messageId }' } });
    await fx.send(Array.from({ length: 10 }, (_, i) => track(i, { messageId: `hostile-${i}` })));
    const started = Date.now();
    await fx.runner().runUntilIdle();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(api.requests.map((r) => (r.body as { id: string }).id)).toEqual(Array.from({ length: 10 }, (_, i) => `hostile-${i}`));
    // Too deep is final (a dead letter); out of time is retried later, as load can cause it.
    const letters = await fx.db.deadLetter.findMany({ where: { destinationId: destination.id, actionId: send!.id } });
    const retries = await fx.db.deliveryRetry.findMany({ where: { destinationId: destination.id, actionId: send!.id } });
    const failures = [...letters.map((l) => [l.errorCode, l.error]), ...retries.map((r) => [r.lastErrorCode, r.lastError])];
    expect(failures).toHaveLength(10);
    for (const [code, message] of failures) {
      expect(["MAPPING_DEPTH", "MAPPING_TIMEOUT"]).toContain(code);
      expect(message).toMatch(/mapping|recursion|deep|time/i);
    }
    expect(letters.every((l) => l.errorCode === "MAPPING_DEPTH")).toBe(true);
  });

  it("reads and plans the next page while the current one is being sent, and delivers every event once, in order", async () => {
    const { api } = await webhook("pipelined");
    api.replyByDefault({ status: 200, delayMs: 400, body: {} });
    await fx.send(Array.from({ length: 15 }, (_, i) => track(i, { messageId: `pipelined-${i}` })));
    const reads: Array<{ afterPosition: number; answered: number }> = [];
    const readAfter = fx.events.readAfter.bind(fx.events);
    fx.events.readAfter = (query) => {
      reads.push({ afterPosition: query.afterPosition, answered: api.answered });
      return readAfter(query);
    };
    try {
      await fx.runner({ pageSize: 5 }).runUntilIdle();
    } finally {
      fx.events.readAfter = readAfter;
    }
    expect(messageIdsOf(api)).toEqual(Array.from({ length: 15 }, (_, i) => `pipelined-${i}`));
    // The Webhook sends one request per event, one after another. Each page after the first was
    // read while the page before it was being sent (read one page later, these would be 0, 5, 10, 15).
    expect(reads.map((r) => r.answered)).toEqual([0, 0, 5, 10]);
    expect(reads).toHaveLength(4); // three full pages and the empty one after them, each read once
  });

  it("plans a page again when its action changed while the page before it was being sent", async () => {
    const { api, destination } = await webhook("changed mid-flight");
    const [send] = destination.actions;
    await fx.destinations.updateAction(fx.workspaceId, send!.id, { mapping: '{ "id": messageId, "mapping": "first" }' });
    api.replyByDefault({ status: 200, delayMs: 300, body: {} });
    await fx.send(Array.from({ length: 10 }, (_, i) => track(i, { messageId: `changed-${i}` })));
    const runner = fx.runner({ pageSize: 5 });
    const running = runner.runUntilIdle();
    await eventually(() => api.requests.length >= 1, 10_000, "the first page's request");
    await fx.destinations.updateAction(fx.workspaceId, send!.id, { mapping: '{ "id": messageId, "mapping": "second" }' });
    await running;
    const sent = api.requests.flatMap((r) => (Array.isArray(r.body) ? r.body : [r.body]) as Array<{ id: string; mapping: string }>);
    expect(sent.map((p) => `${p.id}:${p.mapping}`)).toEqual([
      ...Array.from({ length: 5 }, (_, i) => `changed-${i}:first`),
      ...Array.from({ length: 5 }, (_, i) => `changed-${i + 5}:second`),
    ]);
  });

  it("forgets a destination that was disabled, with the page it had planned ahead", async () => {
    const { api, destination } = await webhook("disabled mid-backlog");
    api.replyByDefault({ status: 200, delayMs: 200, body: {} });
    await fx.send(Array.from({ length: 10 }, (_, i) => track(i, { messageId: `forgotten-${i}` })));
    const runner = fx.runner({ pageSize: 5 });
    const running = runner.runUntilIdle();
    await eventually(() => api.requests.length >= 1, 10_000, "the first page's request");
    await fx.db.destination.update({ where: { id: destination.id }, data: { enabled: false } });
    await running;
    await runner.runUntilIdle();
    expect(runner["deliveries"].has(destination.id)).toBe(false);
    expect(messageIdsOf(api)).toEqual(Array.from({ length: 5 }, (_, i) => `forgotten-${i}`)); // the page planned ahead was never sent
  });

  it("shares destinations between two runners without delivering anything twice", async () => {
    const hooks = [await webhook("shared 1"), await webhook("shared 2"), await webhook("shared 3")];
    await fx.send(Array.from({ length: 90 }, (_, i) => track(i, { messageId: `shared-${i}` })));
    const [first, second] = [fx.runner({ owner: "runner-a", pageSize: 10 }), fx.runner({ owner: "runner-b", pageSize: 10 })];
    first!.start();
    second!.start();
    await eventually(() => hooks.every((h) => h.api.requests.length >= 90), 20_000, "every destination to receive every event");
    await Promise.all([first!.stop(), second!.stop()]);
    for (const { api } of hooks) expect(messageIdsOf(api).sort()).toEqual(Array.from({ length: 90 }, (_, i) => `shared-${i}`).sort());
  });

  it("delivers every event after a runner dies mid-page, keeping each event's messageId", async () => {
    const { api } = await webhook("survives a crash");
    api.replyByDefault({ status: 200, delayMs: 40, body: {} });
    await fx.send(Array.from({ length: 60 }, (_, i) => track(i, { messageId: `crash-${i}` })));
    const child = spawn(process.execPath, ["--import", "tsx", "server/runner/main.ts"], {
      env: { ...process.env, SWITCHYARD_RUNNER_LEASE_MS: "1000", SWITCHYARD_RUNNER_POLL_MS: "20" },
      stdio: "ignore",
    });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      await eventually(() => api.requests.length >= 10, 20_000, "the first runner to start delivering");
    } finally {
      child.kill("SIGKILL"); // also when the wait failed: never leave a runner behind
    }
    await exited;
    const deliveredBeforeCrash = api.requests.length;
    expect(deliveredBeforeCrash).toBeLessThan(60);

    const second = fx.runner({ leaseMs: 1_000 });
    await eventually(async () => {
      await second.runUntilIdle();
      return new Set(messageIdsOf(api)).size === 60;
    }, 20_000, "the second runner to take over");
    const ids = messageIdsOf(api);
    expect(new Set(ids)).toEqual(new Set(Array.from({ length: 60 }, (_, i) => `crash-${i}`)));
    // Events of the interrupted page may arrive twice, always with their own messageId.
    expect(ids.length).toBeGreaterThanOrEqual(60);
  });
});
}
