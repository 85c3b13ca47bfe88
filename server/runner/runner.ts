import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import type { Db } from "../db";
import { parseAllowedHosts } from "../destinations/outbound-guard";
import type { EventStore } from "../events/event-store";
import { DeliveryRecords } from "./delivery-records";
import { DestinationDelivery, type CycleResult, type DeliveryOptions, type DestinationRow } from "./destination-delivery";
import { DEFAULT_HEALTH_THRESHOLDS, type HealthState } from "./health";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry-policy";

export type RunnerOptions = Partial<DeliveryOptions> & {
  retryPolicy?: RetryPolicy;
  /** How often an idle runner looks for new events and due retries. */
  pollIntervalMs?: number;
};

/**
 * Delivers stored events to every enabled destination. Each destination runs its own cycles,
 * independently: a slow or failing destination only ever waits for itself. Several runners
 * (processes) can share a PostgreSQL database; each destination is leased to one at a time.
 */
export class Runner {
  private readonly records: DeliveryRecords;
  private readonly options: DeliveryOptions;
  private readonly deliveries = new Map<string, DestinationDelivery>();
  private readonly inFlight = new Map<string, Promise<CycleResult>>();
  private readonly pollIntervalMs: number;
  private stopped = true;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly events: EventStore,
    options: RunnerOptions = {},
  ) {
    this.records = new DeliveryRecords(db, options.retryPolicy ?? DEFAULT_RETRY_POLICY);
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.options = {
      owner: options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
      pageSize: options.pageSize,
      retryBatchSize: options.retryBatchSize ?? 200,
      leaseMs: options.leaseMs ?? 30_000,
      requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
      concurrency: options.concurrency ?? 4,
      requestsPerSecond: options.requestsPerSecond ?? 50,
      health: options.health ?? DEFAULT_HEALTH_THRESHOLDS,
      mappingLimits: options.mappingLimits,
    };
  }

  get owner(): string {
    return this.options.owner;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.tick();
  }

  /**
   * Stops starting cycles and waits up to `graceMs` for those under way, then gives up the
   * leases of the destinations that are idle. A cycle still running keeps its lease until
   * it expires; whatever it had not recorded is delivered again by the next runner.
   */
  async stop(graceMs = 5_000): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled(this.inFlight.values()),
      new Promise((resolve) => {
        timer = setTimeout(resolve, graceMs);
      }),
    ]);
    clearTimeout(timer);
    const idle = [...this.deliveries.keys()].filter((id) => !this.inFlight.has(id));
    await Promise.all(idle.map((id) => this.records.release(id, this.options.owner)));
  }

  /** Runs cycles until no destination has events or due retries left (for tests and tools). */
  async runUntilIdle(maxCycles = 1_000): Promise<void> {
    for (let i = 0; i < maxCycles; i++) {
      const results = await Promise.all((await this.deliverable()).map((row) => this.cycle(row)));
      if (!results.some((r) => r.pageWasFull || r.retriesLeft || r.delivered + r.failed > 0)) return;
    }
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    let busy = false;
    try {
      for (const row of await this.deliverable()) {
        if (this.inFlight.has(row.id)) continue;
        const running = this.cycle(row)
          .then((result) => {
            if (result.pageWasFull || result.retriesLeft) busy = true;
            return result;
          })
          .catch((error: unknown) => {
            console.error(`delivery to destination ${row.id} failed`, error);
            return { delivered: 0, failed: 0, pageWasFull: false, retriesLeft: false } satisfies CycleResult;
          })
          .finally(() => this.inFlight.delete(row.id));
        this.inFlight.set(row.id, running);
      }
      // Wait for at least one cycle to end (a slow destination does not hold up the others:
      // the next tick starts cycles for every destination that is free again).
      if (this.inFlight.size > 0) await Promise.race(this.inFlight.values());
    } catch (error) {
      console.error("runner tick failed", error);
    }
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(), busy ? 0 : this.pollIntervalMs);
  }

  /**
   * The destinations to deliver to now. What was kept for one that is gone (deleted or
   * disabled) is dropped: its health window, its limits and any page planned ahead.
   */
  private async deliverable(): Promise<DestinationRow[]> {
    const rows = await this.loadDestinations();
    const present = new Set(rows.map((row) => row.id));
    for (const id of this.deliveries.keys()) {
      if (!present.has(id) && !this.inFlight.has(id)) this.deliveries.delete(id);
    }
    return rows;
  }

  private cycle(row: DestinationRow): Promise<CycleResult> {
    let delivery = this.deliveries.get(row.id);
    if (!delivery) {
      delivery = new DestinationDelivery(row.id, row.health as HealthState, this.events, this.records, this.options);
      this.deliveries.set(row.id, delivery);
    }
    return delivery.cycle(row);
  }

  private async loadDestinations(): Promise<DestinationRow[]> {
    const rows = await this.db.destination.findMany({
      where: { enabled: true },
      include: { workspace: { select: { allowedPrivateHosts: true } }, actions: true, connections: { where: { enabled: true, source: { enabled: true } }, select: { sourceId: true } } },
    });
    return rows.map((row) => ({
      id: row.id,
      type: row.type,
      name: row.name,
      settings: row.settings,
      allowedPrivateHosts: parseAllowedHosts(row.workspace.allowedPrivateHosts),
      health: row.health,
      actions: row.actions,
      sourceIds: row.connections.map((c) => c.sourceId),
    }));
  }
}
