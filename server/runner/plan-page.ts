import { setImmediate as afterPendingIo } from "node:timers/promises";
import type { EventReference, UnparsedEvent } from "../events/event-store";
import { allowedByIntegrations } from "../destinations/integrations";
import { evaluateMapping } from "../mapping/evaluate";
import { MappingError } from "../mapping/errors";
import type { MappingLimits } from "../mapping/limits";
import { validatePayload } from "../mapping/validate-payload";
import type { DeliveryFailure } from "./failure";
import type { RunnableAction } from "./runnable-action";

export type PlannedDelivery = { event: EventReference; payload: unknown };
export type PlannedFailure = { event: EventReference; failure: DeliveryFailure };
export type ActionPlan = { action: RunnableAction; deliveries: PlannedDelivery[]; failures: PlannedFailure[] };

/** After this many mapping time-outs in one page, an action's remaining events fail without being evaluated. */
const TIMEOUTS_BEFORE_SKIPPING = 3;
/**
 * Planning lets pending I/O run after this many events: compiled mappings never wait, so a
 * page would otherwise hold the event loop for its whole length (other destinations' answers,
 * the next request of a batch being sent).
 */
const EVENTS_BETWEEN_YIELDS = 250;

/**
 * Decides what each action sends for a page of events: the event's `integrations` first, then
 * the action's trigger, its mapping (within its time and depth limits) and the payload's
 * validation against the action's fields. Mapping and validation failures are final for that
 * event and action (the same event would fail the same way again), except a mapping that ran
 * out of time: a loaded machine can cause that too, so it is retried with backoff.
 */
export async function planPage(
  events: readonly UnparsedEvent[],
  actions: readonly RunnableAction[],
  names: { catalogName: string; destinationName: string },
  limits?: Partial<MappingLimits>,
): Promise<ActionPlan[]> {
  const plans = actions.map((action) => ({ action, deliveries: [] as PlannedDelivery[], failures: [] as PlannedFailure[], timeouts: 0 }));
  // When every trigger reads only the event's type, the log's type column decides which
  // events any action takes, and the others are never parsed.
  const typeFilters = actions.every((action) => action.matchesType !== null) ? actions.map((action) => action.matchesType!) : null;
  for (let index = 0; index < events.length; index++) {
    if (index > 0 && index % EVENTS_BETWEEN_YIELDS === 0) await afterPendingIo();
    const event = events[index]!;
    if (typeFilters && !typeFilters.some((matches) => matches(event.type))) continue;
    // Parsed here, one event at a time: only the planned payloads outlive the loop.
    const stored = JSON.parse(event.payloadJson) as Record<string, unknown>;
    if (!allowedByIntegrations(stored, names.catalogName, names.destinationName)) continue;
    for (const plan of plans) {
      if (!plan.action.matches(stored)) continue;
      if (plan.timeouts >= TIMEOUTS_BEFORE_SKIPPING) {
        plan.failures.push({ event, failure: { code: "MAPPING_TIMEOUT", message: `Skipped: the mapping of "${plan.action.name}" ran out of time on ${plan.timeouts} earlier events`, retryable: true } });
        continue;
      }
      try {
        const payload = await evaluateMapping(plan.action.mapping, stored, limits);
        const validation = validatePayload(payload, plan.action.definition.fields);
        if (validation.ok) plan.deliveries.push({ event, payload: validation.payload });
        else plan.failures.push({ event, failure: { code: "PAYLOAD_INVALID", message: validation.issues.map((i) => i.message).join("; "), retryable: false } });
      } catch (error) {
        if (error instanceof MappingError) {
          if (error.code === "MAPPING_TIMEOUT") plan.timeouts++;
          plan.failures.push({ event, failure: { code: error.code, message: error.message, retryable: error.code === "MAPPING_TIMEOUT" } });
        } else {
          throw error;
        }
      }
    }
  }
  return plans.map(({ action, deliveries, failures }) => ({ action, deliveries, failures }));
}
