import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqliteTestDatabase } from "../../test/sqlite";

process.env.DATABASE_URL = createSqliteTestDatabase();
const { db } = await import("../db");
const { resolveDatabase } = await import("../database-url");
const { migrate } = await import("../migrations");
const { consumeSignInAttempt, SIGN_IN_ATTEMPTS } = await import("./sign-in-limit");

beforeAll(async () => {
  await migrate(resolveDatabase());
});
afterAll(async () => {
  await db.$disconnect();
});

describe("sign-in attempts", () => {
  it("allows a fixed number per window from its first attempt, then says how long to wait", async () => {
    const t0 = 1_000_000;
    for (let i = 0; i < SIGN_IN_ATTEMPTS; i++) expect(await consumeSignInAttempt(db, "10.0.0.1", "a@example.test", t0 + i * 1000)).toEqual({ allowed: true });
    expect(await consumeSignInAttempt(db, "10.0.0.1", " A@Example.test ", t0 + 10_000)).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect(await consumeSignInAttempt(db, "10.0.0.1", "a@example.test", t0 + 60_000)).toEqual({ allowed: true });
  });

  it("counts concurrent attempts exactly once each", async () => {
    const decisions = await Promise.all(Array.from({ length: 12 }, () => consumeSignInAttempt(db, "10.0.0.2", "b@example.test", 2_000_000)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(SIGN_IN_ATTEMPTS);
  });
});
