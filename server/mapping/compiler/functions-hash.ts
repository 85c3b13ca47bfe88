import { createHash } from "node:crypto";
import { fallback } from "./fallback";

/**
 * `$sha256(text)`: the hex SHA-256 of a string's UTF-8 bytes, as ad platforms want hashed emails
 * and phone numbers. Not in JSONata's library: Switchyard adds it to the interpreter
 * (`jsonata-adapter.ts`) and here, with the same result. Anything but a string falls back, and
 * the interpreter's signature refuses it.
 */
export function sha256(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string") fallback();
  return createHash("sha256").update(value, "utf8").digest("hex");
}
