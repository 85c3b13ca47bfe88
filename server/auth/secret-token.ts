import { createHash, randomBytes } from "node:crypto";

/** A new random token (256 bits) with a prefix that says what it is, e.g. "sy_" for API tokens. */
export function newSecretToken(prefix: string): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

/** What is stored of a token: its SHA-256, so a copy of the database does not hold usable tokens. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
