import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqliteTestDatabase } from "../../test/sqlite";
import { AUTHORIZATION_MATRIX, CALLERS, LEVEL_OUTCOMES, MATRIX_SECRET, type Caller, type MatrixFixture, type Outcome } from "./authorization-matrix";

process.env.DATABASE_URL = createSqliteTestDatabase();
const { db } = await import("../db");
const { resolveDatabase } = await import("../database-url");
const { migrate } = await import("../migrations");
const { appRouter } = await import("./routers/_app");
const { callerAs, createTestUser, sessionOf } = await import("../../test/trpc-callers");
const { DestinationService } = await import("../delivery/destination-service");
const { SourceService } = await import("../sources/source-service");
const { InvitationService } = await import("../invitations/invitation-service");
const { ApiTokenService, authenticateApiToken } = await import("../tokens/api-token-service");
const { SYSTEM_ACTOR } = await import("../auth/actor");
import type { Principal } from "../auth/principal";

beforeAll(async () => {
  await migrate(resolveDatabase());
});
afterAll(async () => {
  await db.$disconnect();
});

type World = { workspaceId: string; principals: Record<Caller, Principal | null> };

/** A workspace with an admin, an editor and a viewer, and another workspace with its own admin. */
async function makeWorld(): Promise<World> {
  const workspaceId = (await db.workspace.create({ data: { name: "Matrix" } })).id;
  const otherWorkspaceId = (await db.workspace.create({ data: { name: "Elsewhere" } })).id;
  const users = {
    viewer: await createTestUser(db, "viewer"),
    editor: await createTestUser(db, "editor"),
    admin: await createTestUser(db, "admin"),
    outsider: await createTestUser(db, "outsider"),
  };
  for (const role of ["viewer", "editor", "admin"] as const) await db.membership.create({ data: { workspaceId, userId: users[role].id, role } });
  await db.membership.create({ data: { workspaceId: otherWorkspaceId, userId: users.outsider.id, role: "admin" } });
  const tokenPrincipal = async (userId: string, inWorkspace: string): Promise<Principal> => {
    const { token } = await new ApiTokenService(db, SYSTEM_ACTOR).create(inWorkspace, userId, "matrix");
    const found = await authenticateApiToken(db, token);
    if (!found) throw new Error("a new token does not authenticate");
    return { user: found.user, via: { kind: "token", tokenId: found.tokenId, name: found.name, workspaceId: found.workspaceId } };
  };
  return {
    workspaceId,
    principals: {
      anonymous: null,
      viewer: sessionOf(users.viewer),
      editor: sessionOf(users.editor),
      admin: sessionOf(users.admin),
      outsider: sessionOf(users.outsider),
      editorToken: await tokenPrincipal(users.editor.id, workspaceId),
      outsiderToken: await tokenPrincipal(users.outsider.id, otherWorkspaceId),
    },
  };
}

function fixtureFor(world: World, principal: Principal | null): MatrixFixture {
  const { workspaceId } = world;
  return {
    workspaceId,
    callerUserId: principal?.user.id ?? null,
    source: async () => (await new SourceService(db, SYSTEM_ACTOR).create(workspaceId, { name: "Fixture source" })).id,
    destination: async () => {
      const created = await new DestinationService(db, SYSTEM_ACTOR).create(workspaceId, {
        type: "mixpanel",
        name: "Fixture Mixpanel",
        settings: { projectToken: "token-1234567890", apiSecret: MATRIX_SECRET, region: "US" },
      });
      return { id: created.id, actionId: created.actions[0]!.id };
    },
    member: async (role) => {
      const user = await createTestUser(db, `fixture-${role}`);
      await db.membership.create({ data: { workspaceId, userId: user.id, role } });
      return user.id;
    },
    invitation: async () => {
      const { invitation, token } = await new InvitationService(db, SYSTEM_ACTOR).create(workspaceId, "viewer");
      return { id: invitation.id, token };
    },
    apiToken: async (userId) => (await new ApiTokenService(db, SYSTEM_ACTOR).create(workspaceId, userId, "fixture")).apiToken.id,
  };
}

/** The procedure at a dotted path of a caller, e.g. "sources.list". */
function procedureAt(caller: ReturnType<typeof callerAs>, path: string): (input: unknown) => Promise<unknown> {
  let target: unknown = caller;
  for (const part of path.split(".")) target = (target as Record<string, unknown>)[part];
  return target as (input: unknown) => Promise<unknown>;
}

async function outcomeOf(call: Promise<unknown>): Promise<{ outcome: Outcome | string; result: unknown }> {
  try {
    return { outcome: "allowed", result: await call };
  } catch (error) {
    if (error instanceof TRPCError) return { outcome: error.code === "NOT_FOUND" && !/^No workspace with id/.test(error.message) ? `NOT_FOUND (${error.message})` : error.code, result: null };
    throw error;
  }
}

const procedurePaths = Object.keys(appRouter._def.procedures).sort();

describe("authorization matrix", () => {
  it("has an entry for every procedure, and none for a procedure that does not exist", () => {
    const listed = Object.keys(AUTHORIZATION_MATRIX).sort();
    expect(procedurePaths.filter((p) => !listed.includes(p)), "procedures without an entry in server/trpc/authorization-matrix.ts").toEqual([]);
    expect(listed.filter((p) => !procedurePaths.includes(p)), "entries for procedures that do not exist").toEqual([]);
  });

  it.each(Object.entries(AUTHORIZATION_MATRIX))("%s answers every caller as its level says", async (path, entry) => {
    const world = await makeWorld();
    const outcomes: Partial<Record<Caller, string>> = {};
    for (const who of CALLERS) {
      const principal = world.principals[who];
      const input = await entry.input?.(fixtureFor(world, principal));
      const { outcome, result } = await outcomeOf(procedureAt(callerAs(db, principal), path)(input));
      outcomes[who] = outcome;
      // Whoever calls, a saved secret never comes back.
      expect(JSON.stringify(result ?? null)).not.toContain(MATRIX_SECRET);
    }
    expect(outcomes).toEqual(LEVEL_OUTCOMES[entry.level]);
  });
});
