import { hash } from "node:crypto";

const VALID_INSERT_ID = /^[A-Za-z0-9-]{1,36}$/;

/**
 * Mixpanel takes an `$insert_id` of at most 36 letters, digits and dashes. Message ids often
 * are longer (`sy-<uuid>`, `ajs-next-<hash>`), so those become a UUID-shaped SHA-256 digest of
 * the id: the same id always gives the same value, so a resend still deduplicates.
 */
export function mixpanelInsertId(id: string): string {
  if (VALID_INSERT_ID.test(id)) return id;
  const hex = hash("sha256", id, "hex");
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20, 32)].join("-");
}
