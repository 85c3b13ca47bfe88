import "server-only";
import { z } from "zod";
import { ActionRunService } from "../../actions/action-run-service";
import { ActionService } from "../../actions/action-service";
import { builtInSamples, parsePastedSample, recentSamples } from "../../actions/sample-events";
import { editorProcedure, router, viewerProcedure, type TrpcContext } from "../init";

const actionId = z.object({ actionId: z.string().min(1) });
const trigger = z.string().max(10_000);
const mapping = z.string().max(100_000);
const event = z.record(z.string(), z.unknown()).refine((value) => JSON.stringify(value).length <= 32 * 1024, "The sample is larger than 32 KB, the most an event may be");
const run = actionId.extend({ trigger: trigger.optional(), mapping: mapping.optional(), event });

const actions = (ctx: TrpcContext) => new ActionService(ctx.db);
const runs = (ctx: TrpcContext) => new ActionRunService(ctx.db);

export const actionsRouter = router({
  get: viewerProcedure.input(actionId).query(({ ctx, input }) => actions(ctx).get(ctx.workspace.id, input.actionId)),

  history: viewerProcedure.input(actionId).query(({ ctx, input }) => actions(ctx).history(ctx.workspace.id, input.actionId)),

  versions: viewerProcedure
    .input(actionId.extend({ left: z.number().int().min(1), right: z.number().int().min(1) }))
    .query(({ ctx, input }) => actions(ctx).versions(ctx.workspace.id, input.actionId, input.left, input.right)),

  actionTypes: viewerProcedure.input(z.object({ destinationId: z.string().min(1) })).query(({ ctx, input }) => actions(ctx).actionTypes(ctx.workspace.id, input.destinationId)),

  samples: viewerProcedure
    .input(z.object({ destinationId: z.string().min(1), search: z.string().max(200).optional(), limit: z.number().int().min(1).max(100).optional() }))
    .query(async ({ ctx, input }) => ({
      recent: await recentSamples(ctx.db, ctx.workspace.id, input.destinationId, { search: input.search, limit: input.limit }),
      builtIn: builtInSamples(),
    })),

  parseSample: viewerProcedure.input(z.object({ text: z.string().max(64 * 1024) })).query(({ input }) => parsePastedSample(input.text)),

  /** A read, sent as a POST: the mapping and the sample are too large for a query string. */
  preview: viewerProcedure.input(run).mutation(({ ctx, input }) => runs(ctx).preview(ctx.workspace.id, input.actionId, input)),

  save: editorProcedure
    .input(actionId.extend({ name: z.string().max(200).optional(), trigger: trigger.optional(), mapping: mapping.optional(), enabled: z.boolean().optional(), expectedVersion: z.number().int().min(1).optional() }))
    .mutation(({ ctx, input }) =>
      actions(ctx).save(ctx.workspace.id, input.actionId, ctx.actor, { name: input.name, trigger: input.trigger, mapping: input.mapping, enabled: input.enabled }, { expectedVersion: input.expectedVersion }),
    ),

  restore: editorProcedure
    .input(actionId.extend({ version: z.number().int().min(1) }))
    .mutation(({ ctx, input }) => actions(ctx).restore(ctx.workspace.id, input.actionId, input.version, ctx.actor)),

  reset: editorProcedure.input(actionId).mutation(({ ctx, input }) => actions(ctx).reset(ctx.workspace.id, input.actionId, ctx.actor)),

  create: editorProcedure
    .input(z.object({ destinationId: z.string().min(1), key: z.string().min(1), name: z.string().max(200).optional() }))
    .mutation(({ ctx, input }) => actions(ctx).create(ctx.workspace.id, input.destinationId, ctx.actor, { key: input.key, name: input.name })),

  delete: editorProcedure.input(actionId).mutation(async ({ ctx, input }) => {
    await actions(ctx).delete(ctx.workspace.id, input.actionId, ctx.actor);
    return input;
  }),

  testSend: editorProcedure.input(run).mutation(({ ctx, input }) => runs(ctx).testSend(ctx.workspace.id, input.actionId, ctx.actor, input)),
});
