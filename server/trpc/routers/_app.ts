import "server-only";
import { router } from "../init";
import { actionsRouter } from "./actions";
import { destinationsRouter } from "./destinations";
import { sourcesRouter } from "./sources";
import { workspacesRouter } from "./workspaces";

export const appRouter = router({
  actions: actionsRouter,
  destinations: destinationsRouter,
  sources: sourcesRouter,
  workspaces: workspacesRouter,
});

export type AppRouter = typeof appRouter;
