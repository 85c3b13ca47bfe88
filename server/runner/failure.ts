/** Why one event was not delivered by one action: from the destination, the mapping or the trigger. */
export type DeliveryFailure = {
  code: string;
  message: string;
  retryable: boolean;
  retryAfterMs?: number;
};
