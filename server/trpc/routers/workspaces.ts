import "server-only";
import { z } from "zod";
import { allowedPrivateHosts, createWorkspace, listWorkspacesOf, setAllowedPrivateHosts } from "../../workspaces/workspace-service";
import { adminProcedure, router, sessionProcedure, signedInProcedure, viewerProcedure } from "../init";

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

  /** Hosts destinations may reach although they resolve to private, loopback or link-local addresses. */
  allowedPrivateHosts: adminProcedure.query(({ ctx }) => allowedPrivateHosts(ctx.db, ctx.workspace.id)),

  setAllowedPrivateHosts: adminProcedure
    .input(z.object({ hosts: z.array(z.string().max(300)).max(100) }))
    .mutation(({ ctx, input }) => setAllowedPrivateHosts(ctx.db, ctx.actor, ctx.workspace.id, input.hosts)),
});
