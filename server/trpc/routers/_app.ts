import "server-only";
import { router } from "../init";
import { deliveriesRouter } from "./deliveries";
import { destinationsRouter } from "./destinations";
import { eventsRouter } from "./events";
import { sourcesRouter } from "./sources";
import { workspacesRouter } from "./workspaces";

export const appRouter = router({
  deliveries: deliveriesRouter,
  destinations: destinationsRouter,
  events: eventsRouter,
  sources: sourcesRouter,
  workspaces: workspacesRouter,
});

export type AppRouter = typeof appRouter;
