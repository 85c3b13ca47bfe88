import "server-only";
import { z } from "zod";
import { ROLES } from "../../auth/roles";
import { acceptInvitation, InvitationService, previewInvitation } from "../../invitations/invitation-service";
import { adminProcedure, publicProcedure, router, sessionProcedure, type TrpcContext } from "../init";

const invitations = (ctx: TrpcContext) => new InvitationService(ctx.db, ctx.actor);
const token = z.object({ token: z.string().min(1).max(200) });

export const invitationsRouter = router({
  /** The token comes back this once; the link is `/invite/<token>`. */
  create: adminProcedure.input(z.object({ role: z.enum(ROLES) })).mutation(({ ctx, input }) => invitations(ctx).create(ctx.workspace.id, input.role)),

  list: adminProcedure.query(({ ctx }) => invitations(ctx).list(ctx.workspace.id)),

  revoke: adminProcedure.input(z.object({ id: z.string().min(1) })).mutation(({ ctx, input }) => invitations(ctx).revoke(ctx.workspace.id, input.id)),

  /** For the invitation page: the workspace name and role a link offers (anyone holding the link may see it). */
  preview: publicProcedure.input(token).query(({ ctx, input }) => previewInvitation(ctx.db, input.token)),

  accept: sessionProcedure.input(token).mutation(({ ctx, input }) => acceptInvitation(ctx.db, input.token, ctx.principal.user)),
});
