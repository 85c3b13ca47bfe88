import { getDestinationDefinition } from "../destinations/catalog";
import type { OutboundPolicy } from "../destinations/outbound-guard";
import { parseSettings } from "../destinations/settings";
import { openSecrets } from "../secrets/destination-secrets";
import { secretKey } from "../secrets/secret-key";
import type { DestinationDefinition } from "../destinations/types";
import type { EventStore, UnparsedEvent } from "../events/event-store";
import type { MappingLimits } from "../mapping/limits";
import type { CycleRecord, DeliveryRecords, DueRetry } from "./delivery-records";
import { HealthTracker, type HealthState, type HealthThresholds } from "./health";
import { RequestLimiter } from "./limiter";
import { PagePipeline } from "./page-pipeline";
import { planPage, type ActionPlan } from "./plan-page";
import { toRunnableAction, type ActionRow, type RunnableAction } from "./runnable-action";
import { sendPlans, type SentChunk } from "./send-plan";
import { HELD_FOR_ORDER, holdBehindEarlierEvents, userKeyOf } from "./user-order";

/** A destination as the runner loads it on each cycle (so edits apply within one cycle). */
export type DestinationRow = {
  id: string;
  type: string;
  name: string;
  /** As stored: secrets sealed (see server/secrets). */
  settings: string;
  /** The workspace's hosts that may resolve to private addresses. */
  allowedPrivateHosts: string[];
  health: string;
  actions: ActionRow[];
  sourceIds: string[];
};

export type DeliveryOptions = {
  owner: string;
  /**
   * Events per page. Unset, a page holds 500 events, or as many as the destination's largest
   * batch when that is larger (`pageSizeFor`).
   */
  pageSize?: number;
  retryBatchSize: number;
  leaseMs: number;
  requestTimeoutMs: number;
  concurrency: number;
  requestsPerSecond: number;
  health: HealthThresholds;
  mappingLimits?: Partial<MappingLimits>;
};

export type CycleResult = { delivered: number; failed: number; pageWasFull: boolean; retriesLeft: boolean; skipped?: string };

/**
 * Delivers one destination: its due retries, then one page of new events after its cursor.
 * Keeps what must outlive a cycle (health, rate limits) between cycles.
 */
export class DestinationDelivery {
  private readonly limiter: RequestLimiter;
  private readonly health: HealthTracker;
  private readonly pages: PagePipeline;

  constructor(
    readonly destinationId: string,
    initialHealth: HealthState,
    private readonly events: EventStore,
    private readonly records: DeliveryRecords,
    private readonly options: DeliveryOptions,
  ) {
    this.limiter = new RequestLimiter(options.concurrency, options.requestsPerSecond);
    this.health = new HealthTracker(initialHealth, options.health);
    this.pages = new PagePipeline(events, options.mappingLimits);
  }

  async cycle(row: DestinationRow): Promise<CycleResult> {
    const idle: CycleResult = { delivered: 0, failed: 0, pageWasFull: false, retriesLeft: false };
    if (row.health === "paused") {
      this.pages.clear();
      return { ...idle, skipped: "paused" };
    }
    if (this.health.state === "paused") this.health.resume(); // a user resumed it since

    const definition = getDestinationDefinition(row.type);
    const opened = openStoredSettings(definition, row.settings);
    const parsed = opened.ok ? parseSettings(definition, opened.settings, { unknownKeys: "strip" }) : opened;
    if (!parsed.ok) {
      const problem = "problem" in parsed ? parsed.problem : `The settings are invalid: ${parsed.issues.map((i) => `${i.field} ${i.message}`).join("; ")}`;
      const reason = `${problem}. Delivery is paused until they are fixed and it is resumed.`;
      this.health.state = "paused";
      await this.records.recordHealth(row.id, { state: "paused", reason });
      return { ...idle, skipped: "settings" };
    }
    const settings = parsed.settings as Record<string, unknown>;
    const actionRows = row.actions.filter((a) => a.enabled);
    const actions = actionRows.map((a) => toRunnableAction(definition, a));
    const runnable = actions.filter((a): a is RunnableAction => "matches" in a);

    const cursor = await this.records.claim(row.id, this.options.owner, this.options.leaseMs, () => this.events.maxPosition());
    if (cursor === null) return { ...idle, skipped: "leased" };

    // The retries' outcomes are written before the page is planned: whether a user's new events
    // must wait depends on which of their retries are still pending.
    const { keepsUserOrder } = definition;
    const base = { destinationId: row.id, owner: this.options.owner, keepsUserOrder };
    const { retries, more } = await this.records.dueRetries(row.id, this.options.retryBatchSize, keepsUserOrder);
    const retried: CycleRecord = { ...base, cursor: null, ...(await this.deliverRetries(definition, settings, row, runnable, retries)) };
    if (retried.outcomes.length > 0 && !(await this.records.record(retried))) return { ...idle, skipped: "leased" };

    const pageSize = this.options.pageSize ?? pageSizeFor(runnable);
    const request = { sourceIds: row.sourceIds, pageSize, actionRows, actions: runnable, names: { catalogName: definition.name, destinationName: row.name } };
    const { page, planned } = await this.pages.take({ ...request, afterPosition: cursor });
    const plans = keepsUserOrder ? holdBehindEarlierEvents(planned, await this.pendingPairs(row.id, planned)) : planned;
    const sending = sendPlans(definition, settings, plans, this.limiter, this.options.requestTimeoutMs, outboundOf(row));
    // A full page means more events are waiting: the next page is read and planned while this one is sent.
    if (page.length === pageSize) this.pages.planAhead({ ...request, afterPosition: page.at(-1)!.position });
    const chunks = await sending;
    const record: CycleRecord = {
      ...base,
      cursor: page.length > 0 ? page.at(-1)!.position : null,
      attempts: attemptsOf(chunks),
      outcomes: outcomesOf(plans, chunks),
    };
    if (page.length > 0) await this.records.record(record);
    const result = await this.updateHealth(row.id, [...retried.outcomes, ...record.outcomes]);
    return { ...result, pageWasFull: page.length === pageSize, retriesLeft: more };
  }

  /** The (action, user) pairs of a page's planned deliveries that have a pending retry. */
  private pendingPairs(destinationId: string, plans: readonly ActionPlan[]): Promise<Set<string>> {
    const sending = plans.filter((p) => p.deliveries.length > 0);
    const userKeys = sending.flatMap((p) => p.deliveries.flatMap((d) => userKeyOf(d.event) ?? []));
    return this.records.pendingUserPairs(destinationId, sending.map((p) => p.action.id), userKeys);
  }

  private async deliverRetries(
    definition: DestinationDefinition,
    settings: Record<string, unknown>,
    row: DestinationRow,
    actions: RunnableAction[],
    retries: DueRetry[],
  ): Promise<Pick<CycleRecord, "attempts" | "outcomes">> {
    if (retries.length === 0) return { attempts: [], outcomes: [] };
    const byPosition = new Map<number, UnparsedEvent>((await this.events.getByPositions([...new Set(retries.map((r) => r.position))])).map((e) => [e.position, e]));
    const outcomes: CycleRecord["outcomes"] = [];
    const attempts: CycleRecord["attempts"] = [];
    // Each retry goes through its action again: the mapping may have been fixed since. In log
    // order, so that a user's retries reach a destination that keeps user order in order.
    for (const action of actions) {
      const mine = retries.filter((r) => r.actionId === action.id && byPosition.has(r.position)).sort((a, b) => a.position - b.position);
      if (mine.length === 0) continue;
      const retryOf = new Map(mine.map((r) => [r.position, r]));
      const planned = await planPage(mine.map((r) => byPosition.get(r.position)!), [{ ...action, matches: () => true, matchesType: null }], { catalogName: definition.name, destinationName: row.name }, this.options.mappingLimits);
      const plans = definition.keepsUserOrder ? holdBehindEarlierEvents(planned, new Set()) : planned;
      const chunks = await sendPlans(definition, settings, plans, this.limiter, this.options.requestTimeoutMs, outboundOf(row));
      attempts.push(...attemptsOf(chunks));
      for (const o of outcomesOf(plans, chunks)) outcomes.push({ ...o, retry: retryOf.get(o.position) });
    }
    // Retries whose action was disabled or deleted, or whose event is gone, end here.
    const handled = new Set(outcomes.map((o) => o.retry?.id));
    for (const retry of retries) {
      if (handled.has(retry.id)) continue;
      const reason = byPosition.has(retry.position) ? "Its action is disabled or was deleted" : "The event is no longer in the log";
      outcomes.push({ actionId: retry.actionId, position: retry.position, userKey: retry.userKey, retry, failure: { code: "NOT_DELIVERABLE", message: reason, retryable: false } });
    }
    return { attempts, outcomes };
  }

  private async updateHealth(destinationId: string, outcomes: CycleRecord["outcomes"]): Promise<Pick<CycleResult, "delivered" | "failed">> {
    // Health follows the destination's answers; mapping and validation failures are the
    // action's, shown in the delivery log and dead letters rather than as an outage. An event
    // held back for its user's order was not sent at all.
    const decided = outcomes.filter((o) => o.failure?.code !== HELD_FOR_ORDER);
    const fromDestination = decided.filter(
      (o) => o.failure === null || (!o.failure.code.startsWith("MAPPING_") && (o.failure.retryable || DESTINATION_FINAL_CODES.has(o.failure.code))),
    );
    const failures = fromDestination.filter((o) => o.failure !== null);
    const delivered = fromDestination.length - failures.length;
    const now = Date.now();
    let change = delivered > 0 ? this.health.record(true, delivered, now) : null;
    if (failures.length > 0) change = this.health.record(false, failures.length, now, failures.at(-1)!.failure!.message) ?? change;
    if (change) await this.records.recordHealth(destinationId, change);
    return { delivered, failed: decided.length - delivered };
  }
}

const DESTINATION_FINAL_CODES = new Set(["INVALID_CREDENTIALS", "REJECTED"]);

/** Events per page unless configured: enough for a few requests of a destination that sends one event per request. */
export const DEFAULT_PAGE_SIZE = 500;
/** A page never holds more, whatever a destination's batches take (memory: two pages per destination are held). */
const MAX_AUTOMATIC_PAGE_SIZE = 2_000;

/**
 * A page fills the largest batch of the destination's actions (Mixpanel takes 2,000 events a
 * request, PostHog 1,000): a page then costs one request instead of sending part-full batches,
 * and the cycle's fixed work (reading retries, recording) is shared by more events.
 */
export function pageSizeFor(actions: readonly RunnableAction[]): number {
  const batches = actions.map((a) => (a.definition.performBatch && a.definition.batch ? a.definition.batch.maxEvents : 0));
  return Math.min(Math.max(DEFAULT_PAGE_SIZE, ...batches), MAX_AUTOMATIC_PAGE_SIZE);
}

function attemptsOf(chunks: SentChunk[]): CycleRecord["attempts"] {
  return chunks.flatMap((chunk) => {
    const failures = chunk.outcomes.filter((o) => o.failure !== null);
    const status =
      failures.length === 0 ? "succeeded" : failures.length < chunk.outcomes.length ? "partial" : failures.every((o) => o.failure!.retryable) ? "retrying" : "failed";
    return chunk.attempts.map((attempt) => ({ actionId: chunk.actionId, positions: chunk.positions, status, attempt }));
  });
}

function outcomesOf(plans: ActionPlan[], chunks: SentChunk[]): CycleRecord["outcomes"] {
  return [
    ...plans.flatMap((plan) => plan.failures.map((f) => ({ actionId: plan.action.id, position: f.event.position, userKey: userKeyOf(f.event), failure: f.failure }))),
    ...chunks.flatMap((chunk) => chunk.outcomes.map((o) => ({ actionId: o.actionId, position: o.event.position, userKey: userKeyOf(o.event), failure: o.failure }))),
  ];
}

function outboundOf(row: DestinationRow): OutboundPolicy {
  return { allowedHosts: row.allowedPrivateHosts };
}

function openStoredSettings(definition: DestinationDefinition, stored: string): { ok: true; settings: unknown } | { ok: false; problem: string } {
  try {
    return { ok: true, settings: openSecrets(definition, JSON.parse(stored) as Record<string, unknown>, secretKey()) };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
}
