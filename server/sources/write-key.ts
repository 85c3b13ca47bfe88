import { randomBytes } from "node:crypto";

/** A new write key: 32 URL-safe characters (192 random bits). */
export function generateWriteKey(): string {
  return randomBytes(24).toString("base64url");
}
