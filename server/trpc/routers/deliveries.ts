import "server-only";
import { z } from "zod";
import { ATTEMPT_STATUSES, deliveryLogPage } from "../../delivery/delivery-log-page";
import { deliveriesPerMinute } from "../../delivery/delivery-stats";
import { traceEvent } from "../../delivery/delivery-trace";
import { healthHistory } from "../../delivery/health-history";
import { router, viewerProcedure } from "../init";

const destinationId = z.object({ destinationId: z.string().min(1) });

export const deliveriesRouter = router({
  /** A destination's delivery attempts, newest first, a page at a time. */
  log: viewerProcedure
    .input(destinationId.extend({ status: z.enum(ATTEMPT_STATUSES).optional(), before: z.string().max(200).optional(), limit: z.number().int().min(1).max(200).optional() }))
    .query(({ ctx, input }) => deliveryLogPage(ctx.db, ctx.workspace.id, input.destinationId, input)),

  /** One event, by position or messageId, across every destination of the workspace. */
  trace: viewerProcedure
    .input(z.object({ position: z.number().int().min(1).optional(), messageId: z.string().max(200).optional() }))
    .query(({ ctx, input }) => traceEvent(ctx.db, ctx.workspace.id, input)),

  /** Attempts per minute by outcome over the last 24 hours. */
  perMinute: viewerProcedure.input(destinationId).query(({ ctx, input }) => deliveriesPerMinute(ctx.db, ctx.workspace.id, input.destinationId)),

  healthHistory: viewerProcedure.input(destinationId).query(({ ctx, input }) => healthHistory(ctx.db, ctx.workspace.id, input.destinationId)),
});
