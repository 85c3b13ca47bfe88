"use client";

import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { NodeLink } from "./NodeLink";
import type { DestinationNode } from "./canvas-types";
import { healthStyle } from "./health";
import { useCanvas } from "./canvas-store-context";
import { useEmphasis } from "./use-emphasis";
import { formatCount } from "../format/count";

function DestinationNodeView({ id, data, selected }: NodeProps<DestinationNode>) {
  const emphasis = useEmphasis(id);
  const hovered = useCanvas((s) => s.hovered === id);
  const workspaceRegion = useCanvas((s) => s.workspaceRegion);
  const health = healthStyle(data.health);
  const reason = data.health !== "healthy" && data.healthReason ? data.healthReason : null;
  return (
    <div
      data-testid="destination-node"
      data-name={data.name}
      data-health={data.health}
      data-emphasis={emphasis}
      title={reason ?? undefined}
      className={`relative h-full w-64 rounded-lg border bg-white px-3 py-2.5 shadow-sm transition-opacity ${selected ? "border-indigo-500 ring-2 ring-indigo-500/30" : data.health === "healthy" ? "border-zinc-200" : data.health === "paused" ? "border-red-300" : "border-amber-300"} ${emphasis === "dim" ? "opacity-35" : ""} ${emphasis === "lit" ? "shadow-md" : ""}`}
    >
      <Handle type="target" position={Position.Left} aria-label={`Connect a source to ${data.name}`} className="!size-3 !border-2 !border-white !bg-zinc-500" />
      <div className="flex items-center justify-between gap-2">
        <NodeLink kind="destinations" id={data.id} name={data.name} />
        <span className={`inline-flex shrink-0 items-center gap-1 rounded-full px-2 py-0.5 text-[11px] font-medium ring-1 ring-inset ${health.badge}`}>
          <span aria-hidden="true" className={`size-1.5 rounded-full ${health.dot}`} />
          {health.label}
        </span>
      </div>
      <div className="mt-1.5 flex items-center justify-between gap-2 text-xs text-zinc-600">
        <span className="truncate">
          {data.typeName}
          {data.region ? <span className="text-zinc-400"> · {data.region}</span> : null}
        </span>
        <span className={`shrink-0 tabular-nums ${data.errorCount > 0 ? "font-medium text-red-700" : "text-zinc-500"}`}>
          {data.errorCount === 0 ? "No errors (24h)" : `${formatCount(data.errorCount, "error")} (24h)`}
        </span>
      </div>
      {data.crossRegion ? (
        <p className="mt-1.5 inline-flex items-center gap-1 rounded bg-amber-50 px-1.5 py-0.5 text-[11px] font-medium text-amber-900" title={`Data leaves the workspace's ${workspaceRegion} region: this destination is in ${data.region}`}>
          Cross-region: {workspaceRegion} → {data.region}
        </p>
      ) : null}
      {reason && hovered ? (
        <div role="tooltip" className="absolute left-0 right-0 top-full z-10 mt-2 rounded-md bg-zinc-900 px-2.5 py-2 text-xs leading-5 text-white shadow-lg">
          <span className="font-semibold">{health.label}: </span>
          {reason}
        </div>
      ) : null}
    </div>
  );
}

export default memo(DestinationNodeView);
