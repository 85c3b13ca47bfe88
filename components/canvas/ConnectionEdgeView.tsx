"use client";

import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from "@xyflow/react";
import { memo } from "react";
import type { ConnectionEdge } from "./canvas-types";
import { useEmphasis } from "./use-emphasis";

function ConnectionEdgeView({ id, source, target, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, data }: EdgeProps<ConnectionEdge>) {
  const emphasis = useEmphasis(source, target);
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const cross = data?.crossRegion === true;
  const stroke = selected ? "#4f46e5" : cross ? "#d97706" : emphasis === "lit" ? "#3f3f46" : "#a1a1aa";
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        interactionWidth={16}
        style={{ stroke, strokeWidth: selected || emphasis === "lit" ? 2.5 : 1.5, strokeDasharray: cross ? "6 4" : undefined, opacity: emphasis === "dim" ? 0.15 : 1 }}
      />
      {cross ? (
        <EdgeLabelRenderer>
          <div
            data-testid="cross-region-mark"
            title={`Cross-region: events leave the workspace's ${data.workspaceRegion} region for ${data.destinationRegion}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, opacity: emphasis === "dim" ? 0.2 : 1 }}
            className="nodrag nopan pointer-events-auto absolute rounded-full border border-amber-300 bg-amber-50 px-1.5 py-0.5 text-[10px] font-semibold text-amber-900 shadow-sm"
          >
            {data.workspaceRegion} → {data.destinationRegion}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}

export default memo(ConnectionEdgeView);
