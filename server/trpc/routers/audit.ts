import "server-only";
import { z } from "zod";
import { listAudit } from "../../audit/audit-log";
import { adminProcedure, router } from "../init";

export const auditRouter = router({
  /** Newest first, a page at a time: pass the last entry's id as `before` for the next page. */
  list: adminProcedure
    .input(
      z.object({
        limit: z.number().int().min(1).max(200).optional(),
        before: z.string().min(1).optional(),
        action: z.string().max(200).optional(),
        targetType: z.string().max(100).optional(),
        targetId: z.string().max(200).optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const limit = input.limit ?? 50;
      // One more than asked tells whether there is a next page.
      const entries = await listAudit(ctx.db, ctx.workspace.id, { ...input, limit: limit + 1 });
      const page = entries.slice(0, limit).map((entry) => ({ ...entry, createdAt: entry.createdAt.toISOString() }));
      return { entries: page, nextBefore: entries.length > limit ? (page.at(-1)?.id ?? null) : null };
    }),
});
