import { createHash } from "node:crypto";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A fixed namespace for Switchyard message ids (itself a random UUID). */
const NAMESPACE = Buffer.from("6f1d3c2a9b8e47d5a0c4e2f1b3d5a7c9", "hex");

/**
 * A UUID for an event's message id, for APIs that deduplicate by a UUID (PostHog, HubSpot): a
 * message id that already is one (lower-cased), else its name-based UUID (version 5), so the
 * same event always carries the same UUID and a resend is recognised.
 */
export function messageUuid(messageId: string): string {
  if (UUID.test(messageId)) return messageId.toLowerCase();
  const bytes = createHash("sha1").update(NAMESPACE).update(messageId, "utf8").digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20, 32)].join("-");
}
