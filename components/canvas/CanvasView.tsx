"use client";

import { useQuery } from "@tanstack/react-query";
import { ReactFlowProvider } from "@xyflow/react";
import Link from "next/link";
import { useCanEdit } from "@/components/workspace/workspace-role";
import { useEffect, useState } from "react";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/trpc-context";
import { Button } from "@/components/ui/Button";
import type { CanvasGraph } from "./canvas-types";
import { CanvasEmpty } from "./CanvasEmpty";
import { CanvasHints } from "./CanvasHints";
import { CanvasStoreProvider, useCanvas } from "./canvas-store-context";
import { ConnectionList } from "./ConnectionList";
import { ConnectionsCanvas } from "./ConnectionsCanvas";
import { useMediaQuery } from "./use-media-query";
import { formatCount } from "../format/count";

/** How often the canvas asks for fresh health, error counts and event rates. */
const POLL_MS = 3_000;

type CanvasViewProps = { workspaceId: string; initialGraph: CanvasGraph; focusNodeId: string | null };

export function CanvasView({ workspaceId, initialGraph, focusNodeId }: CanvasViewProps) {
  return (
    <CanvasStoreProvider graph={initialGraph}>
      <ReactFlowProvider>
        <CanvasPage workspaceId={workspaceId} initialGraph={initialGraph} focusNodeId={focusNodeId} />
      </ReactFlowProvider>
    </CanvasStoreProvider>
  );
}

function CanvasPage({ workspaceId, initialGraph, focusNodeId }: CanvasViewProps) {
  const trpc = useTRPC();
  const graph = useQuery(trpc.canvas.graph.queryOptions({ workspaceId }, { initialData: initialGraph, refetchInterval: POLL_MS, staleTime: 0 }));
  const setGraph = useCanvas((s) => s.setGraph);
  const narrow = useMediaQuery("(max-width: 639px)");
  const [canvasOnNarrow, setCanvasOnNarrow] = useState(false);

  useEffect(() => setGraph(graph.data), [graph.data, setGraph]);

  const data = graph.data;
  const empty = data.sources.length === 0 && data.destinations.length === 0;
  const showList = narrow && !canvasOnNarrow;
  const canEdit = useCanEdit();
  const base = `/w/${encodeURIComponent(workspaceId)}`;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 id="connections-heading" tabIndex={-1} className="text-2xl font-semibold tracking-tight">
            Connections
          </h1>
          <p className="mt-1 text-sm text-zinc-600">
            {formatCount(data.sources.length, "source")}, {formatCount(data.destinations.length, "destination")},{" "}
            {formatCount(data.connections.length, "connection")}
          </p>
        </div>
        {canEdit ? (
        <div className="flex flex-wrap gap-2">
          <Link href={`${base}/sources/new`} className="inline-flex h-9 items-center rounded-md border border-zinc-300 bg-white px-3.5 text-sm font-medium text-zinc-800 shadow-sm hover:bg-zinc-50">
            Add source
          </Link>
          <Link href={`${base}/destinations/new`} className="inline-flex h-9 items-center rounded-md bg-zinc-900 px-3.5 text-sm font-medium text-white shadow-sm hover:bg-zinc-700">
            Add destination
          </Link>
        </div>
        ) : null}
      </div>
      {graph.isError ? (
        <div role="alert" className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <span>The canvas could not be refreshed: {errorMessage(graph.error)}</span>
          <Button size="sm" onClick={() => void graph.refetch()} disabled={graph.isFetching}>
            Try again
          </Button>
        </div>
      ) : null}
      {narrow && !empty ? (
        <div className="flex justify-end">
          <Button size="sm" variant="ghost" onClick={() => setCanvasOnNarrow((v) => !v)}>
            {canvasOnNarrow ? "Show as list" : "Show canvas"}
          </Button>
        </div>
      ) : null}
      {empty ? (
        <CanvasEmpty base={base} />
      ) : showList ? (
        <ConnectionList graph={data} base={base} />
      ) : (
        <div className="relative h-[calc(100dvh-13rem)] min-h-[28rem] overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-sm">
          <ConnectionsCanvas workspaceId={workspaceId} focusNodeId={focusNodeId} onChanged={() => void graph.refetch()} />
          <CanvasHints graph={data} base={base} />
        </div>
      )}
    </div>
  );
}
