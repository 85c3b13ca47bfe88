import "server-only";
import { listWorkspaces } from "../../workspaces/workspace-service";
import { publicProcedure, router, workspaceProcedure } from "../init";

export const workspacesRouter = router({
  list: publicProcedure.query(({ ctx }) => listWorkspaces(ctx.db)),
  get: workspaceProcedure.query(({ ctx }) => ctx.workspace),
});
