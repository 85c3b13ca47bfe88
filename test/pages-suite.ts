import { TRPCError } from "@trpc/server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startLocalApi, type LocalApi } from "../server/destinations/testing/local-api";
import { createDeliveryFixture, type DeliveryFixture } from "./delivery-fixture";

const HOSTILE = { script: "<script>alert(1)</script>", img: "<img src=x onerror=alert(1)>" };

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error: unknown = await promise.then(() => null, (rejection: unknown) => rejection);
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error.code;
}

/**
 * What the source and destination pages read (live events, delivery log, trace, per-minute
 * chart, health history) through the tRPC router, on the database DATABASE_URL names.
 */
export function definePagesSuite(label: string, enabled: boolean): void {
  describe.skipIf(!enabled)(`source and destination pages on ${label}`, () => {
    let fx: DeliveryFixture;
    let caller: Awaited<ReturnType<typeof makeCaller>>;
    const apis: LocalApi[] = [];

    async function makeCaller(db: DeliveryFixture["db"], workspaceId: string) {
      const { memberCaller } = await import("./trpc-callers");
      return memberCaller(db, { [workspaceId]: "viewer" }, "pages-viewer");
    }

    beforeAll(async () => {
      fx = await createDeliveryFixture();
      caller = await makeCaller(fx.db, fx.workspaceId);
    });
    afterAll(async () => {
      await fx.close();
      await fx.db.$disconnect();
    });
    afterEach(async () => {
      await Promise.all(apis.splice(0).map((api) => api.close()));
    });

    async function webhook(name: string) {
      const api = await startLocalApi();
      apis.push(api);
      const destination = await fx.destinations.create(fx.workspaceId, { type: "webhook", name, settings: { url: `${api.url}/hook` } });
      await fx.destinations.connect(fx.workspaceId, fx.source.id, destination.id);
      return { api, destination };
    }

    it("reads the newest events, then only what arrived since, with type and text filters", async () => {
      const workspaceId = fx.workspaceId;
      const sourceId = fx.source.id;
      const before = await caller.events.live({ workspaceId, sourceId });
      await fx.send([
        { type: "track", userId: "ada", event: "Signed Up", messageId: "live-1", properties: { plan: HOSTILE.script } },
        { type: "identify", userId: "grace", messageId: "live-2", traits: { note: HOSTILE.img } },
        { type: "page", anonymousId: "anon-7", name: "Pricing", messageId: "live-3" },
      ]);
      const since = await caller.events.live({ workspaceId, sourceId, afterPosition: before.cursor });
      expect(since.events.map((e) => e.messageId)).toEqual(["live-3", "live-2", "live-1"]);
      expect(since.cursor).toBeGreaterThan(before.cursor);
      expect(since.events[2]).toMatchObject({ type: "track", event: "Signed Up", userId: "ada", sourceId });
      expect(since.events[2]!.payload.properties).toEqual({ plan: HOSTILE.script });
      expect(Date.parse(since.events[0]!.receivedAt)).toBeGreaterThan(Date.now() - 60_000);

      // Nothing new: an empty answer, and the cursor stays.
      const idle = await caller.events.live({ workspaceId, sourceId, afterPosition: since.cursor });
      expect(idle).toEqual({ events: [], cursor: since.cursor, olderBefore: null });

      const tracks = await caller.events.live({ workspaceId, sourceId, afterPosition: before.cursor, type: "track" });
      expect(tracks.events.map((e) => e.messageId)).toEqual(["live-1"]);
      const byUser = await caller.events.live({ workspaceId, sourceId, afterPosition: before.cursor, text: "GRACE" });
      expect(byUser.events.map((e) => e.messageId)).toEqual(["live-2"]);
      const byPayload = await caller.events.live({ workspaceId, sourceId, afterPosition: before.cursor, text: "onerror" });
      expect(byPayload.events.map((e) => e.messageId)).toEqual(["live-2"]);
      const byAnonymous = await caller.events.live({ workspaceId, afterPosition: before.cursor, text: "anon-7", type: "page" });
      expect(byAnonymous.events.map((e) => e.messageId)).toEqual(["live-3"]);
      expect((await caller.events.live({ workspaceId, sourceId, afterPosition: before.cursor, text: "nobody-at-all" })).events).toEqual([]);
    });

    it("waits for the next matching event when asked to, and answers as soon as it arrives", async () => {
      const workspaceId = fx.workspaceId;
      const sourceId = fx.source.id;
      const { cursor } = await caller.events.live({ workspaceId, sourceId });
      const started = Date.now();
      const waiting = caller.events.live({ workspaceId, sourceId, afterPosition: cursor, waitMs: 5_000, type: "track" });
      setTimeout(() => void fx.send([{ type: "identify", userId: "skipped", messageId: "wait-1" }]), 100);
      setTimeout(() => void fx.send([{ type: "track", userId: "waited", event: "Arrived", messageId: "wait-2" }]), 400);
      const page = await waiting;
      expect(page.events.map((e) => e.messageId)).toEqual(["wait-2"]);
      expect(Date.now() - started).toBeLessThan(2_000);

      const idleStart = Date.now();
      const idle = await caller.events.live({ workspaceId, sourceId, afterPosition: page.cursor, waitMs: 300 });
      expect(idle.events).toEqual([]);
      expect(Date.now() - idleStart).toBeGreaterThanOrEqual(290);
    });

    it("pages back through older events", async () => {
      const workspaceId = fx.workspaceId;
      const sourceId = fx.source.id;
      await fx.send(Array.from({ length: 7 }, (_, i) => ({ type: "track", userId: "pager", event: `Step ${i}`, messageId: `page-${i}` })));
      const first = await caller.events.live({ workspaceId, sourceId, limit: 3 });
      expect(first.events.map((e) => e.messageId)).toEqual(["page-6", "page-5", "page-4"]);
      expect(first.olderBefore).toBe(first.events[2]!.position);
      const second = await caller.events.live({ workspaceId, sourceId, limit: 3, beforePosition: first.olderBefore!, text: "pager" });
      expect(second.events.map((e) => e.messageId)).toEqual(["page-3", "page-2", "page-1"]);
    });

    it("refuses another workspace's source and bad input", async () => {
      const other = await fx.db.workspace.create({ data: { name: "Other" } });
      const { memberCaller } = await import("./trpc-callers");
      const memberOfBoth = await memberCaller(fx.db, { [fx.workspaceId]: "viewer", [other.id]: "viewer" }, "both");
      expect(await codeOf(memberOfBoth.events.live({ workspaceId: other.id, sourceId: fx.source.id }))).toBe("NOT_FOUND");
      const elsewhere = await fx.destinations.create(fx.workspaceId, { type: "webhook", name: "Not theirs", settings: { url: "https://example.com/hook" } });
      expect(await codeOf(memberOfBoth.deliveries.log({ workspaceId: other.id, destinationId: elsewhere.id }))).toBe("NOT_FOUND");
      expect(await codeOf(caller.events.live({ workspaceId: fx.workspaceId, afterPosition: -1 }))).toBe("BAD_REQUEST");
      expect(await codeOf(caller.deliveries.trace({ workspaceId: fx.workspaceId }))).toBe("BAD_REQUEST");
      expect(await codeOf(caller.deliveries.log({ workspaceId: fx.workspaceId, destinationId: "nope" }))).toBe("NOT_FOUND");
    });

    it("fills the delivery log with each attempt, pages it, filters it by status and traces an event everywhere", async () => {
      const flaky = await webhook("Flaky hook");
      const quiet = await webhook("Quiet hook");
      // The quiet hook's actions match nothing: the trace says so instead of leaving it out.
      for (const action of quiet.destination.actions) await fx.destinations.updateAction(fx.workspaceId, action.id, { trigger: 'event = "never sent"' });
      flaky.api.reply({ status: 500, body: { error: HOSTILE.img } });
      await fx.send([{ type: "track", userId: "ada", event: "Order Completed", messageId: "traced-1", properties: { note: HOSTILE.script } }]);
      const runner = fx.runner({ retryPolicy: { baseDelayMs: 10, maxDelayMs: 20, retryWindowMs: 60_000 } });
      for (let i = 0; i < 50 && flaky.api.requests.length < 2; i++) {
        await runner.runUntilIdle();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await runner.runUntilIdle();

      const log = await caller.deliveries.log({ workspaceId: fx.workspaceId, destinationId: flaky.destination.id });
      expect(log.attempts.map((a) => a.status)).toEqual(["succeeded", "retrying"]);
      const [ok, failed] = log.attempts;
      expect(failed).toMatchObject({ responseStatus: 500, responseBody: JSON.stringify({ error: HOSTILE.img }), actionName: expect.any(String), eventCount: 1 });
      expect(failed!.events).toEqual([expect.objectContaining({ messageId: "traced-1", type: "track", event: "Order Completed", userId: "ada" })]);
      expect(ok!.durationMs).toBeGreaterThanOrEqual(0);
      expect(JSON.stringify(ok!.request)).toContain(HOSTILE.script);

      const onePage = await caller.deliveries.log({ workspaceId: fx.workspaceId, destinationId: flaky.destination.id, limit: 1 });
      expect(onePage.attempts.map((a) => a.id)).toEqual([ok!.id]);
      const nextPage = await caller.deliveries.log({ workspaceId: fx.workspaceId, destinationId: flaky.destination.id, limit: 1, before: onePage.nextBefore! });
      expect(nextPage.attempts.map((a) => a.id)).toEqual([failed!.id]);
      expect(nextPage.nextBefore).toBeNull();
      const retrying = await caller.deliveries.log({ workspaceId: fx.workspaceId, destinationId: flaky.destination.id, status: "retrying" });
      expect(retrying.attempts.map((a) => a.id)).toEqual([failed!.id]);
      expect(await codeOf(caller.deliveries.log({ workspaceId: fx.workspaceId, destinationId: flaky.destination.id, before: "garbage" }))).toBe("BAD_REQUEST");

      const [byMessage] = await caller.deliveries.trace({ workspaceId: fx.workspaceId, messageId: "traced-1" });
      expect(byMessage!.event).toMatchObject({ messageId: "traced-1", sourceId: fx.source.id });
      const outcomes = Object.fromEntries(byMessage!.destinations.map((d) => [d.name, [d.outcome, d.attempts.map((a) => a.status)]]));
      expect(outcomes["Flaky hook"]).toEqual(["succeeded", ["retrying", "succeeded"]]);
      expect(outcomes["Quiet hook"]).toEqual(["no action matched", []]);
      const byPosition = await caller.deliveries.trace({ workspaceId: fx.workspaceId, position: byMessage!.event.position });
      expect(byPosition).toEqual([byMessage]);
      const elsewhere = await fx.db.workspace.create({ data: { name: "Elsewhere" } });
      expect(await codeOf(caller.deliveries.trace({ workspaceId: elsewhere.id, messageId: "traced-1" }))).toBe("NOT_FOUND");
    });

    it("counts attempts per minute by outcome over the last 24 hours", async () => {
      const { destination } = await webhook("Counted hook");
      const actionId = destination.actions[0]!.id;
      const now = Date.now();
      const minuteStart = Math.floor(now / 60_000) * 60_000;
      const at = (msAgo: number, status: string) => ({
        destinationId: destination.id, actionId, eventPositions: "[]", eventCount: 1, status, request: "{}", durationMs: 5, createdAt: new Date(now - msAgo),
      });
      await fx.db.deliveryAttempt.createMany({
        data: [
          at(0, "succeeded"), at(0, "succeeded"), at(0, "failed"),
          at(now - minuteStart + 60_000 + 5_000, "retrying"), // two minutes back
          at(3 * 3600_000, "partial"),
          at(25 * 3600_000, "succeeded"), // beyond the day: not counted
        ],
      });
      const stats = await caller.deliveries.perMinute({ workspaceId: fx.workspaceId, destinationId: destination.id });
      expect(stats.minutes).toBe(1440);
      expect(Object.values(stats.counts).every((series) => series.length === 1440)).toBe(true);
      expect(stats.totals).toEqual({ succeeded: 2, retrying: 1, failed: 1, partial: 1 });
      expect(stats.counts.succeeded[1439]).toBe(2);
      expect(stats.counts.failed[1439]).toBe(1);
      expect(stats.counts.retrying[1437]).toBe(1);
      expect(stats.counts.partial[1439 - 180]).toBe(1);
      expect(Date.parse(stats.from)).toBe(minuteStart - 1439 * 60_000);
    });

    it("lists a destination's health changes, newest first", async () => {
      const { destination } = await webhook("Health hook");
      await fx.db.destinationHealthChange.create({ data: { destinationId: destination.id, state: "degraded", reason: "Many failures", createdAt: new Date(Date.now() - 60_000) } });
      await fx.db.destinationHealthChange.create({ data: { destinationId: destination.id, state: "healthy", reason: "Recovered" } });
      const history = await caller.deliveries.healthHistory({ workspaceId: fx.workspaceId, destinationId: destination.id });
      expect(history.map((h) => [h.state, h.reason])).toEqual([["healthy", "Recovered"], ["degraded", "Many failures"]]);
    });
  });
}
