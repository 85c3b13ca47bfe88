import { createHmac } from "node:crypto";

export const SIGNATURE_HEADER = "X-Signature";

/** Hex HMAC-SHA1 of the exact body sent, keyed with the shared secret. */
export function signBody(body: string, secret: string): string {
  return createHmac("sha1", secret).update(body, "utf8").digest("hex");
}
