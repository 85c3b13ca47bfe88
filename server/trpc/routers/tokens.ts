import "server-only";
import { z } from "zod";
import { ApiTokenService } from "../../tokens/api-token-service";
import { router, viewerProcedure, type TrpcContext } from "../init";

const tokens = (ctx: TrpcContext) => new ApiTokenService(ctx.db, ctx.actor);

/**
 * Every member may make tokens for themselves: a token acts with its user's current role, so it
 * never gives more than the member has. Admins see and revoke every token of the workspace.
 */
export const tokensRouter = router({
  /** The token comes back this once. */
  create: viewerProcedure
    .input(z.object({ name: z.string().max(1_000) }))
    .mutation(({ ctx, input }) => tokens(ctx).create(ctx.workspace.id, ctx.principal.user.id, input.name)),

  list: viewerProcedure.query(({ ctx }) => tokens(ctx).list(ctx.workspace.id, ctx.role === "admin" ? undefined : ctx.principal.user.id)),

  revoke: viewerProcedure
    .input(z.object({ id: z.string().min(1) }))
    .mutation(({ ctx, input }) => tokens(ctx).revoke(ctx.workspace.id, input.id, ctx.role === "admin" ? undefined : ctx.principal.user.id)),
});
