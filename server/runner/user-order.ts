import type { EventReference } from "../events/event-store";
import type { DeliveryFailure } from "./failure";
import type { ActionPlan } from "./plan-page";

/**
 * The code of an event held back, for a destination that keeps user order, because an earlier
 * event of the same user is waiting to be retried by the same action. Not a delivery attempt:
 * it costs no attempt, does not count against the destination's health, and never turns into
 * a dead letter by itself (see `writeOutcomes`).
 */
export const HELD_FOR_ORDER = "HELD_FOR_ORDER";

export const HELD_FAILURE: DeliveryFailure = {
  code: HELD_FOR_ORDER,
  message: "Held back: an earlier event of this user is waiting to be retried for this action",
  retryable: true,
};

/** Whose order an event belongs to: its userId, else its anonymousId; null is nobody's (never held). */
export function userKeyOf(event: Pick<EventReference, "userId" | "anonymousId">): string | null {
  return event.userId || event.anonymousId || null;
}

/** One string for an (action, user) pair, for sets and maps. */
export function pairKey(actionId: string, userKey: string): string {
  return `${actionId}\n${userKey}`;
}

/**
 * Holds back, before sending, the planned deliveries that must wait: those of an (action, user)
 * pair in `blocked` (a retry is pending), and those after an event of the same user that this
 * plan already fails with an error a retry may fix (a mapping time-out).
 */
export function holdBehindEarlierEvents(plans: readonly ActionPlan[], blocked: ReadonlySet<string>): ActionPlan[] {
  return plans.map((plan) => {
    const firstRetryable = new Map<string, number>();
    for (const { event, failure } of plan.failures) {
      const user = userKeyOf(event);
      if (user === null || !failure.retryable) continue;
      firstRetryable.set(user, Math.min(event.position, firstRetryable.get(user) ?? Infinity));
    }
    const mustWait = (event: EventReference) => {
      const user = userKeyOf(event);
      return user !== null && (blocked.has(pairKey(plan.action.id, user)) || (firstRetryable.get(user) ?? Infinity) < event.position);
    };
    const held = plan.deliveries.filter((d) => mustWait(d.event));
    if (held.length === 0) return plan;
    return {
      action: plan.action,
      deliveries: plan.deliveries.filter((d) => !mustWait(d.event)),
      failures: [...plan.failures, ...held.map((d) => ({ event: d.event, failure: HELD_FAILURE }))],
    };
  });
}
