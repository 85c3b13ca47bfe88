import "server-only";
import { router } from "../init";
import { canvasRouter } from "./canvas";
import { destinationsRouter } from "./destinations";
import { sourcesRouter } from "./sources";
import { workspacesRouter } from "./workspaces";

export const appRouter = router({
  canvas: canvasRouter,
  destinations: destinationsRouter,
  sources: sourcesRouter,
  workspaces: workspacesRouter,
});

export type AppRouter = typeof appRouter;
