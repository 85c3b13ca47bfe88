import "server-only";
import { z } from "zod";
import { ROLES } from "../../auth/roles";
import { MemberService } from "../../members/member-service";
import { adminProcedure, router, type TrpcContext } from "../init";

const members = (ctx: TrpcContext) => new MemberService(ctx.db, ctx.actor);
const memberId = z.object({ userId: z.string().min(1) });

export const membersRouter = router({
  list: adminProcedure.query(({ ctx }) => members(ctx).list(ctx.workspace.id)),

  changeRole: adminProcedure
    .input(memberId.extend({ role: z.enum(ROLES) }))
    .mutation(({ ctx, input }) => members(ctx).changeRole(ctx.workspace.id, input.userId, input.role)),

  remove: adminProcedure.input(memberId).mutation(({ ctx, input }) => members(ctx).remove(ctx.workspace.id, input.userId)),
});
