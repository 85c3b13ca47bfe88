import { randomUUID } from "node:crypto";
import type { Db } from "../db";

/** Sign-in attempts allowed per client address and email address in one window. */
export const SIGN_IN_ATTEMPTS = 5;
export const SIGN_IN_WINDOW_SECONDS = 60;

export type LimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one sign-in attempt for this address and email in the shared rate-limit table (so
 * several server processes count together) and says whether it may go ahead. Fixed windows:
 * the key names the window, so a new window starts a new count.
 */
export async function consumeSignInAttempt(db: Db, clientIp: string, email: string, now = Date.now()): Promise<LimitDecision> {
  const windowMs = SIGN_IN_WINDOW_SECONDS * 1000;
  const windowStart = Math.floor(now / windowMs) * windowMs;
  const key = `sign-in|${clientIp}|${email.trim().toLowerCase()}|${windowStart}`;
  let count: number;
  try {
    count = (await db.rateLimit.upsert({
      where: { key },
      create: { id: randomUUID(), key, count: 1, lastRequest: BigInt(now) },
      update: { count: { increment: 1 }, lastRequest: BigInt(now) },
    })).count;
  } catch {
    // Two first attempts at once: one insert lost the race; count on the row it made.
    count = (await db.rateLimit.update({ where: { key }, data: { count: { increment: 1 }, lastRequest: BigInt(now) } })).count;
  }
  if (count <= SIGN_IN_ATTEMPTS) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000)) };
}
