import type { DeliveryError } from "./errors";
import type { DeliveryOutcome } from "./types";

export const DELIVERED: DeliveryOutcome = Object.freeze({ status: "delivered" });

export function failed(error: DeliveryError): DeliveryOutcome {
  return { status: "failed", error };
}

/** The same outcome for each of `count` payloads (a batch that succeeded or failed as a whole). */
export function sameOutcome(outcome: DeliveryOutcome, count: number): DeliveryOutcome[] {
  return Array.from({ length: count }, () => outcome);
}
