import "server-only";
import { z } from "zod";
import { CanvasService } from "../../canvas/canvas-service";
import { editorProcedure, router, viewerProcedure } from "../init";

export const canvasRouter = router({
  graph: viewerProcedure.query(({ ctx }) => new CanvasService(ctx.db).graph(ctx.workspace)),

  savePosition: editorProcedure
    .input(z.object({ nodeType: z.enum(["source", "destination"]), nodeId: z.string().min(1), x: z.number().finite().min(-1e6).max(1e6), y: z.number().finite().min(-1e6).max(1e6) }))
    .mutation(({ ctx, input }) => new CanvasService(ctx.db).savePosition(ctx.workspace.id, { nodeType: input.nodeType, nodeId: input.nodeId, x: input.x, y: input.y })),
});
