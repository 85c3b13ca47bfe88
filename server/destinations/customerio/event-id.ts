import { createHash } from "node:crypto";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const ULID = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;

/**
 * Customer.io deduplicates events by `id`, which must be a ULID. A message id that is not one
 * (`ajs-next-…`, `sy-<uuid>`) becomes a ULID whose time part is the event's time and whose random
 * part comes from a SHA-256 of the message id: the same event always gets the same id, so a
 * resend is still recognised as a duplicate.
 */
export function customerioEventId(messageId: string, timestampSeconds: number | undefined): string {
  const upper = messageId.toUpperCase();
  if (ULID.test(upper)) return upper;
  const time = BigInt(Math.max(0, Math.floor((timestampSeconds ?? 0) * 1000))) & ((1n << 48n) - 1n);
  const digest = BigInt(`0x${createHash("sha256").update(messageId, "utf8").digest("hex").slice(0, 20)}`);
  return encode(time, 10) + encode(digest, 16);
}

function encode(value: bigint, length: number): string {
  let text = "";
  let rest = value;
  for (let i = 0; i < length; i++) {
    text = CROCKFORD[Number(rest & 31n)] + text;
    rest >>= 5n;
  }
  return text;
}
