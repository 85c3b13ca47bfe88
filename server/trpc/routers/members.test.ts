import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqliteTestDatabase } from "../../../test/sqlite";

process.env.DATABASE_URL = createSqliteTestDatabase();
const { db } = await import("../../db");
const { resolveDatabase } = await import("../../database-url");
const { migrate } = await import("../../migrations");
const { callerAs, createTestUser, sessionOf } = await import("../../../test/trpc-callers");

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error: unknown = await promise.then(() => null, (rejection: unknown) => rejection);
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return `${error.code}: ${error.message}`;
}

let workspaceId = "";
beforeAll(async () => {
  await migrate(resolveDatabase());
  workspaceId = (await db.workspace.create({ data: { name: "Team" } })).id;
});
afterAll(async () => {
  await db.$disconnect();
});

async function member(role: "admin" | "editor" | "viewer") {
  const user = await createTestUser(db, role);
  await db.membership.create({ data: { workspaceId, userId: user.id, role } });
  return { user, caller: callerAs(db, sessionOf(user)) };
}

describe("members, invitations and workspaces", () => {
  it("keeps an admin: the last one can be neither demoted nor removed", async () => {
    const admin = await member("admin");
    expect(await codeOf(admin.caller.members.changeRole({ workspaceId, userId: admin.user.id, role: "editor" }))).toMatch(/^CONFLICT: A workspace needs an admin/);
    expect(await codeOf(admin.caller.members.remove({ workspaceId, userId: admin.user.id }))).toMatch(/^CONFLICT: /);

    const second = await member("editor");
    await admin.caller.members.changeRole({ workspaceId, userId: second.user.id, role: "admin" });
    await second.caller.members.changeRole({ workspaceId, userId: admin.user.id, role: "viewer" });
    expect(await codeOf(admin.caller.members.list({ workspaceId }))).toMatch(/^FORBIDDEN: This needs the admin role in this workspace \(yours: viewer\)$/);
    const audit = await db.auditEntry.findMany({ where: { workspaceId, action: "member.role_change" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.actorLabel, JSON.parse(a.details)])).toEqual([
      [admin.user.email, { email: second.user.email, from: "editor", to: "admin" }],
      [second.user.email, { email: admin.user.email, from: "admin", to: "viewer" }],
    ]);
  });

  it("removes a member, whose tokens for the workspace stop working", async () => {
    const admin = await member("admin");
    const editor = await member("editor");
    const { apiToken } = await editor.caller.tokens.create({ workspaceId, name: "laptop" });
    await admin.caller.members.remove({ workspaceId, userId: editor.user.id });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).revokedAt).not.toBeNull();
    expect(await codeOf(editor.caller.sources.list({ workspaceId }))).toMatch(/^NOT_FOUND: No workspace with id/);
    expect(await editor.caller.workspaces.list()).toEqual([]);
  });

  it("lists a member's own tokens, and every token to admins; members revoke only their own", async () => {
    const admin = await member("admin");
    const viewer = await member("viewer");
    const mine = (await viewer.caller.tokens.create({ workspaceId, name: "mine" })).apiToken;
    const theirs = (await admin.caller.tokens.create({ workspaceId, name: "theirs" })).apiToken;
    expect((await viewer.caller.tokens.list({ workspaceId })).map((t) => t.id)).toEqual([mine.id]);
    expect((await admin.caller.tokens.list({ workspaceId })).map((t) => t.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect(await codeOf(viewer.caller.tokens.revoke({ workspaceId, id: theirs.id }))).toMatch(/^NOT_FOUND: /);
    expect(await codeOf(viewer.caller.tokens.create({ workspaceId, name: "  " }))).toBe("BAD_REQUEST: A token needs a name");
    await admin.caller.tokens.revoke({ workspaceId, id: mine.id });
    expect(await codeOf(admin.caller.tokens.revoke({ workspaceId, id: mine.id }))).toBe("CONFLICT: This token is already revoked");
  });

  it("uses an invitation once, refuses revoked and expired ones, and keeps an existing member's role", async () => {
    const admin = await member("admin");
    const invited = await createTestUser(db, "invited");
    const inviteeCaller = callerAs(db, sessionOf(invited));
    const { token, invitation } = await admin.caller.invitations.create({ workspaceId, role: "editor" });
    expect(await callerAs(db, null).invitations.preview({ token })).toEqual({ workspaceId, workspaceName: "Team", role: "editor", status: "pending" });
    expect(await inviteeCaller.invitations.accept({ token })).toEqual({ workspaceId, role: "editor" });
    expect((await admin.caller.invitations.list({ workspaceId })).find((i) => i.id === invitation.id)).toMatchObject({ status: "accepted", acceptedBy: invited.email });
    const someoneElse = callerAs(db, sessionOf(await createTestUser(db, "late")));
    expect(await codeOf(someoneElse.invitations.accept({ token }))).toMatch(/^CONFLICT: This invitation is accepted/);

    const revoked = await admin.caller.invitations.create({ workspaceId, role: "admin" });
    await admin.caller.invitations.revoke({ workspaceId, id: revoked.invitation.id });
    expect(await codeOf(someoneElse.invitations.accept({ token: revoked.token }))).toMatch(/^CONFLICT: This invitation is revoked/);

    const expired = await admin.caller.invitations.create({ workspaceId, role: "viewer" });
    await db.invitation.update({ where: { id: expired.invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await codeOf(someoneElse.invitations.accept({ token: expired.token }))).toMatch(/^CONFLICT: This invitation is expired/);
    expect(await callerAs(db, null).invitations.preview({ token: "syi_nothing" })).toBeNull();

    const again = await admin.caller.invitations.create({ workspaceId, role: "viewer" });
    expect(await inviteeCaller.invitations.accept({ token: again.token })).toEqual({ workspaceId, role: "editor" });
  });

  it("lets a user make more workspaces and lists only their own", async () => {
    const user = await createTestUser(db, "founder");
    const caller = callerAs(db, sessionOf(user));
    const created = await caller.workspaces.create({ name: "  Side project ", region: "EU" });
    expect(created).toMatchObject({ name: "Side project", region: "EU", role: "admin" });
    expect(await caller.workspaces.list()).toEqual([created]);
    expect(await codeOf(caller.workspaces.create({ name: "" }))).toBe("BAD_REQUEST: A workspace needs a name");
    expect(await caller.members.list({ workspaceId: created.id })).toEqual([expect.objectContaining({ userId: user.id, role: "admin" })]);
  });
});
