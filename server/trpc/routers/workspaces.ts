import "server-only";
import { z } from "zod";
import { allowedPrivateHosts, listWorkspaces, setAllowedPrivateHosts } from "../../workspaces/workspace-service";
import { adminProcedure, publicProcedure, router, workspaceProcedure } from "../init";

export const workspacesRouter = router({
  list: publicProcedure.query(({ ctx }) => listWorkspaces(ctx.db)),
  get: workspaceProcedure.query(({ ctx }) => ctx.workspace),

  /** Hosts destinations may reach although they resolve to private, loopback or link-local addresses. */
  allowedPrivateHosts: adminProcedure.query(({ ctx }) => allowedPrivateHosts(ctx.db, ctx.workspace.id)),

  setAllowedPrivateHosts: adminProcedure
    .input(z.object({ hosts: z.array(z.string().max(300)).max(100) }))
    .mutation(({ ctx, input }) => setAllowedPrivateHosts(ctx.db, ctx.actor, ctx.workspace.id, input.hosts)),
});
