import "server-only";
import { z } from "zod";
import { createWorkspace, listWorkspacesOf } from "../../workspaces/workspace-service";
import { router, sessionProcedure, signedInProcedure, viewerProcedure } from "../init";

export const workspacesRouter = router({
  /** The caller's workspaces (an API token: its own workspace only), with the caller's role in each. */
  list: signedInProcedure.query(async ({ ctx }) => {
    const mine = await listWorkspacesOf(ctx.db, ctx.principal.user.id);
    const via = ctx.principal.via;
    return via.kind === "token" ? mine.filter((w) => w.id === via.workspaceId) : mine;
  }),

  get: viewerProcedure.query(({ ctx }) => ({ ...ctx.workspace, role: ctx.role })),

  create: sessionProcedure
    .input(z.object({ name: z.string().max(1_000), region: z.enum(["US", "EU"]).optional() }))
    .mutation(({ ctx, input }) => createWorkspace(ctx.db, { ...ctx.actor, userId: ctx.principal.user.id }, input)),
});
