import "server-only";
import { z } from "zod";
import { SOURCE_KINDS, SourceService } from "../../sources/source-service";
import { configuredPublicUrl } from "../../http/public-url";
import { editorProcedure, router, viewerProcedure, type TrpcContext } from "../init";

const sourceId = z.object({ id: z.string().min(1) });
// Name rules (trimming, length) live in SourceService, so every caller gets the same messages.
const sourceName = z.string().max(1_000);

function sources(ctx: TrpcContext): SourceService {
  return new SourceService(ctx.db, ctx.actor);
}

export const sourcesRouter = router({
  list: viewerProcedure.query(({ ctx }) => sources(ctx).list(ctx.workspace.id)),

  get: viewerProcedure.input(sourceId).query(({ ctx, input }) => sources(ctx).get(ctx.workspace.id, input.id)),

  create: editorProcedure
    .input(z.object({ name: sourceName, kind: z.enum(SOURCE_KINDS).optional() }))
    .mutation(({ ctx, input }) => sources(ctx).create(ctx.workspace.id, { name: input.name, kind: input.kind })),

  rename: editorProcedure
    .input(sourceId.extend({ name: sourceName }))
    .mutation(({ ctx, input }) => sources(ctx).rename(ctx.workspace.id, input.id, input.name)),

  setEnabled: editorProcedure
    .input(sourceId.extend({ enabled: z.boolean() }))
    .mutation(({ ctx, input }) => sources(ctx).setEnabled(ctx.workspace.id, input.id, input.enabled)),

  /** The snippet's global name and the origins allowed to send from a browser. */
  updateSettings: editorProcedure
    .input(sourceId.extend({ globalName: z.string().max(1_000).optional(), allowedOrigins: z.array(z.string().max(2_000)).max(1_000).optional() }))
    .mutation(({ ctx, input }) =>
      sources(ctx).updateSettings(ctx.workspace.id, input.id, { globalName: input.globalName, allowedOrigins: input.allowedOrigins }),
    ),

  /**
   * The address install snippets point at: SWITCHYARD_PUBLIC_URL, or null when unset (the
   * browser then uses the origin it reached the UI at, which is this same server).
   */
  publicUrl: viewerProcedure.query(() => ({ baseUrl: configuredPublicUrl() })),

  rotateWriteKey: editorProcedure
    .input(sourceId)
    .mutation(({ ctx, input }) => sources(ctx).rotateWriteKey(ctx.workspace.id, input.id)),

  delete: editorProcedure.input(sourceId).mutation(async ({ ctx, input }) => {
    await sources(ctx).delete(ctx.workspace.id, input.id);
    return { id: input.id };
  }),
});
