import "server-only";
import { z } from "zod";
import { EVENT_TYPES, readLiveEvents } from "../../events/live-events";
import { router, viewerProcedure } from "../init";

const position = z.number().int().min(0);

export const eventsRouter = router({
  /** The newest events of a source (or the workspace); poll with `afterPosition` = the last `cursor`. */
  live: viewerProcedure
    .input(
      z.object({
        sourceId: z.string().min(1).optional(),
        afterPosition: position.optional(),
        beforePosition: position.optional(),
        type: z.enum(EVENT_TYPES).optional(),
        text: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(500).optional(),
        /** With `afterPosition`: wait up to this long for a new matching event before answering with none. */
        waitMs: z.number().int().min(0).max(10_000).optional(),
      }),
    )
    .query(({ ctx, input, signal }) => {
      const { waitMs, ...query } = input;
      return readLiveEvents(ctx.db, { ...query, workspaceId: ctx.workspace.id }, { waitMs, signal });
    }),
});
