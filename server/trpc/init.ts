import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import { z, ZodError } from "zod";
import type { Db } from "../db";
import { SYSTEM_ACTOR, type Actor } from "../auth/actor";
import { SettingsError } from "../destinations/settings-error";
import { AppError } from "../errors";
import { findWorkspace } from "../workspaces/workspace-service";

export type TrpcContext = { db: Db; actor: Actor };

/** Per-request context. Authentication joins it in a later issue. */
export function createTrpcContext(db: Db): TrpcContext {
  return { db, actor: SYSTEM_ACTOR };
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

/** A procedure on one workspace: takes `workspaceId`, answers NOT_FOUND when it does not exist. */
export const workspaceProcedure = publicProcedure
  .input(z.object({ workspaceId: z.string().min(1) }))
  .use(async ({ ctx, input, next }) => {
    const workspace = await findWorkspace(ctx.db, input.workspaceId);
    if (!workspace) throw new AppError("NOT_FOUND", `No workspace with id "${input.workspaceId}"`);
    return next({ ctx: { workspace } });
  });

/*
 * Role levels. Every procedure on a workspace uses exactly one of these, so the role a call
 * needs is visible where the procedure is declared:
 * - viewerProcedure: reads; never returns secrets.
 * - editorProcedure: changes sources, destinations, connections, actions, replays.
 * - adminProcedure: members, invitations, tokens, secrets, the audit log, outbound host allowances.
 * Until accounts exist every caller passes every level.
 */
export const viewerProcedure = workspaceProcedure;
export const editorProcedure = workspaceProcedure;
export const adminProcedure = workspaceProcedure;
