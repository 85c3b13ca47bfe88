import "server-only";
import { z } from "zod";
import { DeliveryLogService } from "../../delivery/delivery-log-service";
import { testDestinationConnection } from "../../delivery/connection-test-service";
import { DestinationService } from "../../delivery/destination-service";
import { catalogView } from "../../destinations/catalog";
import { editorProcedure, publicProcedure, router, viewerProcedure, type TrpcContext } from "../init";

const destinationId = z.object({ id: z.string().min(1) });
const settings = z.record(z.string(), z.unknown());

const destinations = (ctx: TrpcContext) => new DestinationService(ctx.db, ctx.actor);
const deliveryLog = (ctx: TrpcContext) => new DeliveryLogService(ctx.db, ctx.actor);

export const destinationsRouter = router({
  catalog: publicProcedure.query(() => catalogView()),

  list: viewerProcedure.query(({ ctx }) => destinations(ctx).list(ctx.workspace.id)),

  get: viewerProcedure.input(destinationId).query(({ ctx, input }) => destinations(ctx).get(ctx.workspace.id, input.id)),

  create: editorProcedure
    .input(z.object({ type: z.string().min(1), name: z.string().max(1_000), settings }))
    .mutation(({ ctx, input }) => destinations(ctx).create(ctx.workspace.id, { type: input.type, name: input.name, settings: input.settings })),

  updateSettings: editorProcedure
    .input(destinationId.extend({ settings }))
    .mutation(({ ctx, input }) => destinations(ctx).updateSettings(ctx.workspace.id, input.id, input.settings)),

  /** Runs the destination's connection test with settings as entered, before they are saved. */
  testConnection: editorProcedure
    .input(z.object({ type: z.string().min(1), settings, destinationId: z.string().min(1).optional() }))
    .mutation(({ ctx, input }) => testDestinationConnection(ctx.db, ctx.workspace.id, input)),

  resume: editorProcedure.input(destinationId).mutation(({ ctx, input }) => destinations(ctx).resume(ctx.workspace.id, input.id)),

  connect: editorProcedure
    .input(z.object({ sourceId: z.string().min(1), destinationId: z.string().min(1) }))
    .mutation(({ ctx, input }) => destinations(ctx).connect(ctx.workspace.id, input.sourceId, input.destinationId)),

  disconnect: editorProcedure
    .input(z.object({ sourceId: z.string().min(1), destinationId: z.string().min(1) }))
    .mutation(async ({ ctx, input }) => {
      await destinations(ctx).disconnect(ctx.workspace.id, input.sourceId, input.destinationId);
      return input;
    }),

  updateAction: editorProcedure
    .input(z.object({ actionId: z.string().min(1), trigger: z.string().max(10_000).optional(), mapping: z.string().max(100_000).optional(), enabled: z.boolean().optional() }))
    .mutation(({ ctx, input }) =>
      destinations(ctx).updateAction(ctx.workspace.id, input.actionId, { trigger: input.trigger, mapping: input.mapping, enabled: input.enabled }),
    ),

  deliveries: viewerProcedure
    .input(destinationId.extend({ status: z.enum(["succeeded", "failed", "retrying", "partial"]).optional(), limit: z.number().int().min(1).max(500).optional() }))
    .query(({ ctx, input }) => deliveryLog(ctx).deliveries(ctx.workspace.id, input.id, { status: input.status, limit: input.limit })),

  deadLetters: viewerProcedure
    .input(destinationId.extend({ limit: z.number().int().min(1).max(1_000).optional() }))
    .query(({ ctx, input }) => deliveryLog(ctx).deadLetters(ctx.workspace.id, input.id, input.limit)),

  redriveDeadLetters: editorProcedure.input(destinationId).mutation(({ ctx, input }) => deliveryLog(ctx).redrive(ctx.workspace.id, input.id)),
});
