import { randomUUID } from "node:crypto";
import type { Principal } from "../server/auth/principal";
import type { Role } from "../server/auth/roles";
import type { Db } from "../server/db";
import { createCallerFactory, createTrpcContext } from "../server/trpc/init";
import { appRouter } from "../server/trpc/routers/_app";

/** A user made directly in the database (no password: tests call procedures as them). */
export async function createTestUser(db: Db, label = "user"): Promise<Principal["user"]> {
  const id = randomUUID();
  const email = `${label}-${id.slice(0, 8)}@example.test`;
  await db.user.create({ data: { id, email, name: label } });
  return { id, email, name: label };
}

/** A principal for `user` signed in through the browser. */
export function sessionOf(user: Principal["user"]): Principal {
  return { user, via: { kind: "session" } };
}

/** A tRPC caller acting as `principal` (null: anonymous). */
export function callerAs(db: Db, principal: Principal | null) {
  return createCallerFactory(appRouter)(createTrpcContext(db, principal));
}

/**
 * A tRPC caller signed in as a new user who has `role` in each given workspace, e.g.
 * `await memberCaller(db, { [workspaceA]: "admin", [workspaceB]: "admin" })`.
 */
export async function memberCaller(db: Db, roles: Record<string, Role>, label = "member") {
  const user = await createTestUser(db, label);
  for (const [workspaceId, role] of Object.entries(roles)) await db.membership.create({ data: { workspaceId, userId: user.id, role } });
  return callerAs(db, sessionOf(user));
}

/**
 * A tRPC caller signed in as a user with this exact id and email (so tests can assert the
 * actor recorded in the audit log), admin of each given workspace.
 */
export async function adminCallerAs(db: Db, person: { userId: string; label: string }, workspaceIds: readonly string[]) {
  const user = { id: person.userId, email: person.label, name: person.label };
  await db.user.upsert({ where: { id: user.id }, create: { id: user.id, email: user.email, name: user.name }, update: {} });
  for (const workspaceId of workspaceIds) await db.membership.create({ data: { workspaceId, userId: user.id, role: "admin" } });
  return callerAs(db, sessionOf(user));
}
