import { setImmediate as afterPendingIo } from "node:timers/promises";
import type { EventStore, UnparsedEvent } from "../events/event-store";
import type { MappingLimits } from "../mapping/limits";
import { planPage, type ActionPlan } from "./plan-page";
import type { ActionRow, RunnableAction } from "./runnable-action";

/** What a page's plan depends on: where it starts, and what the actions and names were. */
export type PageRequest = {
  sourceIds: readonly string[];
  afterPosition: number;
  /** How many events a page holds at most. */
  pageSize: number;
  /** The enabled action rows the runnable actions were built from. */
  actionRows: readonly ActionRow[];
  actions: readonly RunnableAction[];
  names: { catalogName: string; destinationName: string };
};

export type PlannedPage = { page: UnparsedEvent[]; planned: ActionPlan[] };

/**
 * Reads and plans a destination's pages of new events (`planPage`: triggers, mappings,
 * validation), and does the next page ahead while the current one is being sent, so that the
 * destination's answer time and the runner's own work overlap instead of adding up.
 *
 * Planning depends only on the events and the actions (what a user's pending retries hold
 * back is decided later, per cycle), and the log only grows: a page planned ahead is what a
 * cycle starting at that moment would have planned. The next cycle takes it when it asks for
 * the same thing (same sources, same position, same actions and names); otherwise (a
 * connection or an action changed, the lease was lost, the page was not recorded) it is
 * dropped and the page is read and planned again.
 */
export class PagePipeline {
  private ahead: { key: string; planned: Promise<PlannedPage> } | null = null;

  constructor(
    private readonly events: EventStore,
    private readonly mappingLimits?: Partial<MappingLimits>,
  ) {}

  async take(request: PageRequest): Promise<PlannedPage> {
    const ahead = this.ahead;
    this.ahead = null;
    if (ahead && ahead.key === keyOf(request)) {
      const planned = await ahead.planned.catch(() => null);
      if (planned) return planned;
    }
    return this.plan(request);
  }

  /**
   * Starts reading and planning the page after `afterPosition`, once pending I/O callbacks have
   * run: the requests being sent go out first (a SQLite read and the mappings are synchronous).
   */
  planAhead(request: PageRequest): void {
    const planned = afterPendingIo().then(() => this.plan(request));
    planned.catch(() => undefined); // the next cycle plans the page again, and meets the error itself
    this.ahead = { key: keyOf(request), planned };
  }

  /** Drops a page planned ahead (the destination was paused). */
  clear(): void {
    this.ahead = null;
  }

  private async plan(request: PageRequest): Promise<PlannedPage> {
    const page =
      request.sourceIds.length === 0 ? [] : await this.events.readAfter({ sourceIds: [...request.sourceIds], afterPosition: request.afterPosition, limit: request.pageSize });
    return { page, planned: await planPage(page, request.actions, request.names, this.mappingLimits) };
  }
}

function keyOf(request: PageRequest): string {
  const actions = request.actionRows.map((a) => [a.id, a.key, a.name, a.trigger, a.mapping, a.enabled, a.version]);
  return JSON.stringify([[...request.sourceIds].sort(), request.afterPosition, request.pageSize, request.names, actions]);
}
