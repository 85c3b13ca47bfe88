import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startLocalApi, type LocalApi } from "../destinations/testing/local-api";
import { createSqliteTestDatabase } from "../../test/sqlite";
import { createDeliveryFixture, eventually, type DeliveryFixture } from "../../test/delivery-fixture";
import type { ActionDefinition } from "../destinations/types";
import { webhook } from "../destinations/webhook";
import type { StoredEvent } from "../events/event-store";
import { compileMapping } from "../mapping/compile";
import type { DeliveryFailure } from "./failure";
import type { ActionPlan } from "./plan-page";
import type { RunnableAction } from "./runnable-action";
import type { RunnerOptions } from "./runner";
import { HELD_FOR_ORDER, holdBehindEarlierEvents, pairKey, userKeyOf } from "./user-order";

process.env.DATABASE_URL = createSqliteTestDatabase();

const fastRetries: RunnerOptions = { retryPolicy: { baseDelayMs: 20, maxDelayMs: 100, retryWindowMs: 10 * 60_000 } };
/** A 503 whose Retry-After keeps the failed event's retry a minute away; tests make it due with `dueNow`. */
const unavailableForAMinute = { status: 503, headers: { "Retry-After": "60" }, body: "unavailable" };

const identify = (userId: string, messageId: string) => ({ type: "identify", userId, messageId, traits: { plan: "pro" } });
const track = (userId: string, messageId: string) => ({ type: "track", userId, messageId, event: "Order Completed", properties: {} });

/** The messageIds the API received, in arrival order (Segment batches and single webhook events alike). */
function messageIdsOf(api: Pick<LocalApi, "requests">): string[] {
  return api.requests.flatMap((r) => {
    const body = r.body as { batch?: Array<{ messageId: string }>; messageId?: string };
    return body.batch ? body.batch.map((e) => e.messageId) : [body.messageId ?? "(none)"];
  });
}

describe("user order", () => {
  let fx: DeliveryFixture;
  const apis: LocalApi[] = [];
  const destinationIds: string[] = [];
  beforeAll(async () => {
    fx = await createDeliveryFixture();
  });
  afterAll(async () => {
    await fx.close();
  });
  afterEach(async () => {
    // Every runner delivers to every enabled destination: switch this test's off.
    await fx.db.destination.updateMany({ where: { id: { in: destinationIds.splice(0) } }, data: { enabled: false } });
    await Promise.all(apis.splice(0).map((api) => api.close()));
  });

  async function connected(type: "segment" | "webhook", name: string) {
    const api = await startLocalApi();
    apis.push(api);
    const settings = type === "segment" ? { writeKey: "k", baseUrl: api.url } : { url: `${api.url}/hook` };
    const destination = await fx.destinations.create(fx.workspaceId, { type, name, settings });
    destinationIds.push(destination.id);
    await fx.destinations.connect(fx.workspaceId, fx.source.id, destination.id);
    return { api, destinationId: destination.id };
  }

  const retriesOf = (destinationId: string) => fx.db.deliveryRetry.findMany({ where: { destinationId }, orderBy: { eventPosition: "asc" } });
  /** Time passes for these retries: they are due now. */
  const dueNow = (ids: string[]) => fx.db.deliveryRetry.updateMany({ where: { id: { in: ids } }, data: { nextAttemptAt: new Date() } });

  it("holds a user's later events behind a failed one until it is delivered, in log order; other users go on", async () => {
    const { api, destinationId } = await connected("segment", "keeps order");
    api.reply(unavailableForAMinute);
    const runner = fx.runner(fastRetries);
    await fx.send([identify("a-U", "a-u1")]);
    await runner.runUntilIdle();

    // Later pages: U's events wait (two of them in the same page), V's go at once.
    await fx.send([track("a-U", "a-u2"), track("a-V", "a-v1"), track("a-U", "a-u3")]);
    await runner.runUntilIdle();
    await fx.send([track("a-V", "a-v2"), track("a-U", "a-u4")]);
    await runner.runUntilIdle();
    expect(messageIdsOf(api)).toEqual(["a-u1", "a-v1", "a-v2"]);

    const [blocker, ...held] = await retriesOf(destinationId);
    expect([blocker, ...held].map((r) => [r?.userKey, r?.lastErrorCode, r?.attempts])).toEqual([
      ["a-U", "UPSTREAM_ERROR", 1],
      ["a-U", HELD_FOR_ORDER, 0],
      ["a-U", HELD_FOR_ORDER, 0],
      ["a-U", HELD_FOR_ORDER, 0],
    ]);
    expect(held[0]!.lastError).toMatch(/^Held back: an earlier event of this user is waiting to be retried/);
    // Held events come due with their blocker, not before it.
    expect(held.map((r) => r.nextAttemptAt)).toEqual(held.map(() => blocker!.nextAttemptAt));
    // Holding back sends nothing: the log has the one failed request and V's two.
    const attempts = await fx.db.deliveryAttempt.findMany({ where: { destinationId }, orderBy: { createdAt: "asc" } });
    expect(attempts.map((a) => a.status)).toEqual(["retrying", "succeeded", "succeeded"]);

    // Due while their blocker is not, they are not sent: they move to its time.
    await dueNow(held.map((r) => r.id));
    await runner.runUntilIdle();
    expect(messageIdsOf(api)).toEqual(["a-u1", "a-v1", "a-v2"]);
    expect((await retriesOf(destinationId)).map((r) => r.nextAttemptAt)).toEqual([blocker, ...held].map(() => blocker!.nextAttemptAt));

    // The blocker fails again: the events behind it move to its new time.
    api.reply(unavailableForAMinute);
    await dueNow([blocker!.id]);
    await runner.runUntilIdle();
    expect(messageIdsOf(api)).toEqual(["a-u1", "a-v1", "a-v2", "a-u1"]);
    const [failedAgain, ...stillHeld] = await retriesOf(destinationId);
    expect(failedAgain!.attempts).toBe(2);
    expect(failedAgain!.nextAttemptAt.getTime()).toBeGreaterThan(blocker!.nextAttemptAt.getTime());
    expect(stillHeld.map((r) => [r.nextAttemptAt, r.attempts])).toEqual(stillHeld.map(() => [failedAgain!.nextAttemptAt, 0]));

    // Once it is due, U's events go after it, in log order (here in the same request).
    await dueNow((await retriesOf(destinationId)).map((r) => r.id));
    await runner.runUntilIdle();
    expect(messageIdsOf(api)).toEqual(["a-u1", "a-v1", "a-v2", "a-u1", "a-u1", "a-u2", "a-u3", "a-u4"]);
    expect(await retriesOf(destinationId)).toEqual([]);
    expect(await fx.db.deadLetter.count({ where: { destinationId } })).toBe(0);
  });

  it("does not hold anything back for a destination that does not keep user order (Webhook)", async () => {
    const { api, destinationId } = await connected("webhook", "no order");
    api.reply(unavailableForAMinute);
    const runner = fx.runner(fastRetries);
    await fx.send([identify("b-U", "b-u1")]);
    await runner.runUntilIdle();
    await fx.send([track("b-U", "b-u2"), track("b-V", "b-v1"), track("b-U", "b-u3")]);
    await runner.runUntilIdle();
    expect(messageIdsOf(api)).toEqual(["b-u1", "b-u2", "b-v1", "b-u3"]);
    expect((await retriesOf(destinationId)).map((r) => [r.userKey, r.lastErrorCode])).toEqual([["b-U", "UPSTREAM_ERROR"]]);

    await dueNow((await retriesOf(destinationId)).map((r) => r.id));
    await runner.runUntilIdle();
    expect(messageIdsOf(api)).toEqual(["b-u1", "b-u2", "b-v1", "b-u3", "b-u1"]);
    expect(await retriesOf(destinationId)).toEqual([]);
  });

  it("releases the held events when their blocker ends as a dead letter, and they arrive in order", async () => {
    const { api, destinationId } = await connected("segment", "blocker rejected");
    const runner = fx.runner(fastRetries);
    api.reply(unavailableForAMinute);
    await fx.send([identify("c-U", "c-u1")]);
    await runner.runUntilIdle();
    await fx.send([track("c-U", "c-u2"), track("c-U", "c-u3")]);
    await runner.runUntilIdle();
    expect(messageIdsOf(api)).toEqual(["c-u1"]);

    // The retry carries U's events in one request, in order; the API refuses the first for good
    // (a Segment-compatible answer per event) and takes the others.
    api.reply({ status: 400, body: { success: false, accepted: 2, error: "1 event was rejected", details: [{ index: 0, field: "traits", message: "is invalid" }] } });
    await dueNow((await retriesOf(destinationId)).map((r) => r.id));
    await runner.runUntilIdle();
    expect(messageIdsOf(api)).toEqual(["c-u1", "c-u1", "c-u2", "c-u3"]);
    expect(await retriesOf(destinationId)).toEqual([]);
    const letters = await fx.db.deadLetter.findMany({ where: { destinationId } });
    expect(letters.map((l) => [l.errorCode, l.attempts])).toEqual([["REJECTED", 2]]);

    // With the blocker gone, U's next events are not held back.
    await fx.send([track("c-U", "c-u4")]);
    await runner.runUntilIdle();
    expect(messageIdsOf(api).at(-1)).toBe("c-u4");
  });

  it("releases held events when their blocker is given up after the retry window, never dead-lettering them first", async () => {
    const { api, destinationId } = await connected("segment", "blocker gives up");
    api.reply({ status: 503, headers: { "Retry-After": "2" }, body: "unavailable" });
    api.replyByDefault({ status: 503, body: "unavailable" });
    const runner = fx.runner({
      retryPolicy: { baseDelayMs: 20, maxDelayMs: 60, retryWindowMs: 3_000 },
      health: { windowMs: 60_000, degradedFailureRate: 0.5, minSamples: 5, pauseAfterMs: 600_000 },
    });
    await fx.send([identify("d-U", "d-u1")]);
    await runner.runUntilIdle();
    // Held a second after their blocker first failed, their own windows end a second after its.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const later = Array.from({ length: 10 }, (_, i) => `d-u${i + 2}`);
    await fx.send(later.map((id) => track("d-U", id)));
    await runner.runUntilIdle();
    // Ten events held back are not ten failures: U's first event's one failure is below minSamples.
    expect(messageIdsOf(api)).toEqual(["d-u1"]);
    expect((await fx.db.destination.findUniqueOrThrow({ where: { id: destinationId } })).health).toBe("healthy");
    expect(await fx.db.destinationHealthChange.count({ where: { destinationId } })).toBe(0);

    // One cycle at a time, to look at the dead letters as soon as the first appears.
    await eventually(async () => {
      await runner.runUntilIdle(1);
      return (await fx.db.deadLetter.count({ where: { destinationId } })) > 0;
    }, 10_000, "the blocker to be given up");
    api.replyByDefault({ status: 200, body: { success: true } });
    const recovered = api.requests.length;
    const [letter, ...others] = await fx.db.deadLetter.findMany({ where: { destinationId } });
    expect(others).toEqual([]);
    expect(letter!.error).toMatch(/^Gave up after \d+ attempts over the retry window/);
    expect(Number(letter!.eventPosition)).toBeLessThan(Math.min(...(await retriesOf(destinationId)).map((r) => Number(r.eventPosition))));

    await eventually(async () => {
      await runner.runUntilIdle();
      return (await retriesOf(destinationId)).length === 0;
    }, 10_000, "the held events");
    // Since the API recovered, it received each held event once, in log order.
    expect(messageIdsOf({ requests: api.requests.slice(recovered) })).toEqual(later);
    expect(await fx.db.deadLetter.count({ where: { destinationId } })).toBe(1);
  });

  it("keeps order for a page of more users than a statement takes parameters", { timeout: 120_000 }, async () => {
    const { api, destinationId } = await connected("segment", "many users");
    const runner = fx.runner({ ...fastRetries, pageSize: 2_000 });
    const users = Array.from({ length: 1_200 }, (_, i) => `f-U${i}`);
    api.reply({ status: 503, headers: { "Retry-After": "60" }, body: "unavailable" });
    await fx.send(users.map((u) => identify(u, `${u}-1`)));
    await runner.runUntilIdle(1);
    expect(await fx.db.deliveryRetry.count({ where: { destinationId, lastErrorCode: "UPSTREAM_ERROR" } })).toBe(users.length);

    // Every user's next event waits behind their first.
    await fx.send(users.map((u) => track(u, `${u}-2`)));
    await runner.runUntilIdle(1);
    expect(await fx.db.deliveryRetry.count({ where: { destinationId, lastErrorCode: HELD_FOR_ORDER } })).toBe(users.length);

    const refused = messageIdsOf(api).length; // the one request that failed
    await fx.db.deliveryRetry.updateMany({ where: { destinationId }, data: { nextAttemptAt: new Date() } });
    await runner.runUntilIdle();
    expect(await retriesOf(destinationId)).toEqual([]);
    const received = messageIdsOf(api).slice(refused);
    for (const u of users) expect(received.indexOf(`${u}-1`)).toBeLessThan(received.indexOf(`${u}-2`));
    expect(received).toHaveLength(2 * users.length);
  });

  it("does not let 300 retries waiting behind one user starve another user's due retry", async () => {
    const before = await fx.events.maxPosition();
    await fx.send([identify("e-U", "e-u0"), ...Array.from({ length: 300 }, (_, i) => track("e-U", `e-u${i + 1}`)), track("e-V", "e-v1")]);
    const events = await fx.events.readAfter({ sourceIds: [fx.source.id], afterPosition: before, limit: 1_000 });
    // Created after the events, the destination starts past them; their retries are set up by hand.
    const { api, destinationId } = await connected("segment", "starvation");
    const { id: actionId } = await fx.db.action.findFirstOrThrow({ where: { destinationId }, select: { id: true } });
    const now = Date.now();
    const row = (position: number, userKey: string, nextAttemptAt: number, code: string) => ({
      destinationId,
      actionId,
      eventPosition: position,
      userKey,
      attempts: code === HELD_FOR_ORDER ? 0 : 1,
      firstFailedAt: new Date(now - 120_000),
      nextAttemptAt: new Date(nextAttemptAt),
      lastError: code,
      lastErrorCode: code,
    });
    const [blocker, ...rest] = events;
    const v1 = rest.pop()!;
    await fx.db.deliveryRetry.createMany({
      data: [
        row(blocker!.position, "e-U", now + 60_000, "UPSTREAM_ERROR"),
        // Due, and earlier than V's retry: they come first in the due order.
        ...rest.map((e) => row(e.position, "e-U", now - 60_000, HELD_FOR_ORDER)),
        row(v1.position, "e-V", now - 1_000, "UPSTREAM_ERROR"),
      ],
    });

    await fx.runner().runUntilIdle(1);
    expect(messageIdsOf(api)).toEqual(["e-v1"]);
    const rows = await retriesOf(destinationId);
    expect(rows).toHaveLength(301);
    for (const r of rows) expect(r.nextAttemptAt.getTime()).toBe(now + 60_000);
  });
});

describe("holding planned deliveries behind earlier events", () => {
  const event = (position: number, userId: string | null, anonymousId: string | null = null): StoredEvent => ({
    workspaceId: "w",
    sourceId: "s",
    messageId: `m-${position}`,
    type: "track",
    userId,
    anonymousId,
    event: "E",
    timestamp: 0,
    receivedAt: 0,
    position,
    payload: {},
  });
  const action: RunnableAction = { id: "a", name: "Send", definition: webhook.actions[0]! as ActionDefinition<unknown, unknown>, matches: () => true, matchesType: null, mapping: compileMapping("$") };
  // Deliveries at 1 (U), 3 (U), 4 (V), 5 (U); a failure at 2 (U) in some cases.
  const plan = (failure?: DeliveryFailure): ActionPlan => ({
    action,
    deliveries: [event(1, "U"), event(3, "U"), event(4, "V"), event(5, "U")].map((e) => ({ event: e, payload: {} })),
    failures: failure ? [{ event: event(2, "U"), failure }] : [],
  });
  const timeout: DeliveryFailure = { code: "MAPPING_TIMEOUT", message: "out of time", retryable: true };
  const invalid: DeliveryFailure = { code: "PAYLOAD_INVALID", message: "invalid", retryable: false };

  it("keys a user by userId, else anonymousId; an event with neither is nobody's", () => {
    expect(userKeyOf(event(1, "u", "anon"))).toBe("u");
    expect(userKeyOf(event(1, null, "anon"))).toBe("anon");
    expect(userKeyOf(event(1, null, null))).toBeNull();
  });

  it.each([
    ["a pending retry holds every event of its (action, user)", [pairKey("a", "U")], undefined, { sent: [4], held: [1, 3, 5] }],
    ["a pending retry of another action holds nothing", [pairKey("b", "U")], undefined, { sent: [1, 3, 4, 5], held: [] }],
    ["a retryable mapping failure holds the user's later events", [], timeout, { sent: [1, 4], held: [3, 5] }],
    ["a final mapping failure holds nothing", [], invalid, { sent: [1, 3, 4, 5], held: [] }],
  ])("%s", (_name, blocked, failure, expected) => {
    const [held] = holdBehindEarlierEvents([plan(failure)], new Set(blocked));
    expect({
      sent: held!.deliveries.map((d) => d.event.position),
      held: held!.failures.filter((f) => f.failure.code === HELD_FOR_ORDER).map((f) => f.event.position),
    }).toEqual(expected);
  });
});
