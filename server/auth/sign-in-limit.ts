import { randomUUID } from "node:crypto";
import type { Db } from "../db";

/** Sign-in attempts allowed per client address and email address in one window. */
export const SIGN_IN_ATTEMPTS = 5;
export const SIGN_IN_WINDOW_SECONDS = 60;

export type LimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one sign-in attempt for this address and email in the shared rate-limit table (so
 * several server processes count together) and says whether it may go ahead. A window starts
 * at the first attempt (`lastRequest` holds its start); each change is conditional on the row
 * read, so concurrent attempts retry rather than overcount or lose a count.
 */
export async function consumeSignInAttempt(db: Db, clientIp: string, email: string, now = Date.now()): Promise<LimitDecision> {
  const windowMs = SIGN_IN_WINDOW_SECONDS * 1000;
  const key = `sign-in|${clientIp}|${email.trim().toLowerCase()}`;
  for (let tries = 0; tries < 10; tries++) {
    const row = await db.rateLimit.findUnique({ where: { key } });
    if (!row) {
      const created = await db.rateLimit.create({ data: { id: randomUUID(), key, count: 1, lastRequest: BigInt(now) } }).then(() => true, () => false);
      if (created) return { allowed: true };
      continue;
    }
    const start = Number(row.lastRequest);
    if (now - start >= windowMs) {
      const reset = await db.rateLimit.updateMany({ where: { key, lastRequest: row.lastRequest }, data: { count: 1, lastRequest: BigInt(now) } });
      if (reset.count === 1) return { allowed: true };
      continue;
    }
    if (row.count >= SIGN_IN_ATTEMPTS) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((start + windowMs - now) / 1000)) };
    const counted = await db.rateLimit.updateMany({ where: { key, lastRequest: row.lastRequest, count: row.count }, data: { count: { increment: 1 } } });
    if (counted.count === 1) return { allowed: true };
  }
  return { allowed: false, retryAfterSeconds: SIGN_IN_WINDOW_SECONDS };
}
