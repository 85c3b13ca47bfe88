import "server-only";
import { publicProcedure, router } from "../init";

export const authRouter = router({
  /** Who is signed in, and whether sign-up is still open (no account exists yet). */
  status: publicProcedure.query(async ({ ctx }) => ({
    user: ctx.principal ? { email: ctx.principal.user.email, name: ctx.principal.user.name } : null,
    signUpOpen: (await ctx.db.user.count()) === 0,
  })),
});
