import "server-only";
import { router } from "../init";
import { actionsRouter } from "./actions";
import { auditRouter } from "./audit";
import { authRouter } from "./auth";
import { canvasRouter } from "./canvas";
import { deliveriesRouter } from "./deliveries";
import { destinationsRouter } from "./destinations";
import { eventsRouter } from "./events";
import { invitationsRouter } from "./invitations";
import { membersRouter } from "./members";
import { sourcesRouter } from "./sources";
import { tokensRouter } from "./tokens";
import { workspacesRouter } from "./workspaces";

export const appRouter = router({
  actions: actionsRouter,
  audit: auditRouter,
  auth: authRouter,
  canvas: canvasRouter,
  deliveries: deliveriesRouter,
  destinations: destinationsRouter,
  events: eventsRouter,
  invitations: invitationsRouter,
  members: membersRouter,
  sources: sourcesRouter,
  tokens: tokensRouter,
  workspaces: workspacesRouter,
});

export type AppRouter = typeof appRouter;
