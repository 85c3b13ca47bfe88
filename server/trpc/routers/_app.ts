import "server-only";
import { router } from "../init";
import { sourcesRouter } from "./sources";
import { workspacesRouter } from "./workspaces";

export const appRouter = router({
  sources: sourcesRouter,
  workspaces: workspacesRouter,
});

export type AppRouter = typeof appRouter;
