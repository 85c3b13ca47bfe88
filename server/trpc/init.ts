import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import { z, ZodError } from "zod";
import type { Db } from "../db";
import { SYSTEM_ACTOR, type Actor } from "../auth/actor";
import { SettingsError } from "../destinations/settings-error";
import { actorOf, type Principal } from "../auth/principal";
import { roleAllows, type Role } from "../auth/roles";
import { AppError } from "../errors";
import { roleOf } from "../members/member-service";
import { findWorkspace } from "../workspaces/workspace-service";

export type TrpcContext = { db: Db; principal: Principal | null; actor: Actor };

/**
 * The context of one call. `principal` is who calls (null: anonymous); requests get it from
 * their session cookie or API token (server/trpc/request-context.ts), tests pass it directly.
 */
export function createTrpcContext(db: Db, principal: Principal | null = null): TrpcContext {
  return { db, principal, actor: principal ? actorOf(principal) : SYSTEM_ACTOR };
}

function messageOf(message: string, code: TRPCError["code"], zodError: ZodError | null): string {
  // Unexpected failures may carry driver or SQL details: the server log keeps them, the browser does not.
  if (code === "INTERNAL_SERVER_ERROR") return "Something went wrong on the server";
  if (zodError) return zodError.issues.map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message)).join("; ");
  return message;
}

const t = initTRPC.context<TrpcContext>().create({
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    // Settings a service refused are reported per field like input errors, for forms to show beside each field.
    const fieldErrors = zodError ? z.flattenError(zodError) : error.cause instanceof SettingsError ? error.cause.flatten() : null;
    return {
      ...shape,
      message: messageOf(shape.message, error.code, zodError),
      data: { ...shape.data, zodError: fieldErrors },
    };
  },
});

/** Core code throws AppError; this is the edge where it becomes a TRPCError with the same code. */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(appErrors);

/** Any signed-in caller: a browser session or an API token. */
export const signedInProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.principal) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue" });
  return next({ ctx: { principal: ctx.principal } });
});

/** A signed-in person in a browser; API tokens act inside their own workspace only. */
export const sessionProcedure = signedInProcedure.use(({ ctx, next }) => {
  if (ctx.principal.via.kind !== "session") throw new TRPCError({ code: "FORBIDDEN", message: "API tokens cannot do this; sign in to the web app" });
  return next();
});

/**
 * A procedure on one workspace that needs at least `needed`. Anonymous callers get
 * UNAUTHORIZED; callers who are not members (and tokens of another workspace) get NOT_FOUND,
 * exactly like a workspace that does not exist, so ids of other workspaces reveal nothing;
 * members whose role is too low get FORBIDDEN.
 */
function workspaceLevel(needed: Role) {
  return signedInProcedure.input(z.object({ workspaceId: z.string().min(1) })).use(async ({ ctx, input, next }) => {
    const notFound = new AppError("NOT_FOUND", `No workspace with id "${input.workspaceId}"`);
    const via = ctx.principal.via;
    if (via.kind === "token" && via.workspaceId !== input.workspaceId) throw notFound;
    const role = await roleOf(ctx.db, input.workspaceId, ctx.principal.user.id);
    if (!role) throw notFound;
    if (!roleAllows(role, needed)) throw new AppError("FORBIDDEN", `This needs the ${needed} role in this workspace (yours: ${role})`);
    const workspace = await findWorkspace(ctx.db, input.workspaceId);
    if (!workspace) throw notFound;
    return next({ ctx: { workspace, role } });
  });
}

/*
 * Role levels. Every procedure on a workspace uses exactly one of these, so the role a call
 * needs is visible where the procedure is declared (and server/trpc/authorization-matrix.ts
 * lists every procedure with its level; its test fails for a procedure missing there):
 * - viewerProcedure: reads; never returns secrets.
 * - editorProcedure: changes sources, destinations, connections, actions, replays.
 * - adminProcedure: members, invitations, tokens, secrets, the audit log, outbound host allowances.
 */
export const viewerProcedure = workspaceLevel("viewer");
export const editorProcedure = workspaceLevel("editor");
export const adminProcedure = workspaceLevel("admin");
