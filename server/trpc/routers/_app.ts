import "server-only";
import { router } from "../init";
import { auditRouter } from "./audit";
import { destinationsRouter } from "./destinations";
import { sourcesRouter } from "./sources";
import { workspacesRouter } from "./workspaces";

export const appRouter = router({
  audit: auditRouter,
  destinations: destinationsRouter,
  sources: sourcesRouter,
  workspaces: workspacesRouter,
});

export type AppRouter = typeof appRouter;
