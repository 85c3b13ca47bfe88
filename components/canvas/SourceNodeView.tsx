"use client";

import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { NodeLink } from "./NodeLink";
import { formatRelativeTime } from "@/components/sources/relative-time";
import { sourceKindLabel } from "@/components/sources/source-kinds";
import { useNow } from "@/components/sources/use-now";
import type { SourceNode } from "./canvas-types";
import { Sparkline } from "./Sparkline";
import { useEmphasis } from "./use-emphasis";
import { formatCount } from "../format/count";

const RECEIVING_MS = 5 * 60_000;

function SourceNodeView({ id, data, selected }: NodeProps<SourceNode>) {
  const now = useNow(30_000);
  const emphasis = useEmphasis(id);
  const lastHour = data.perMinute.reduce((sum, c) => sum + c, 0);
  const receiving = data.lastEventAt !== null && now - Date.parse(data.lastEventAt) < RECEIVING_MS;
  return (
    <div
      data-testid="source-node"
      data-name={data.name}
      data-emphasis={emphasis}
      className={`h-full w-64 rounded-lg border bg-white px-3 py-2.5 shadow-sm transition-opacity ${selected ? "border-indigo-500 ring-2 ring-indigo-500/30" : "border-zinc-200"} ${emphasis === "dim" ? "opacity-35" : ""} ${emphasis === "lit" ? "border-zinc-400 shadow-md" : ""}`}
    >
      <div className="flex items-center justify-between gap-2">
        <NodeLink kind="sources" id={data.id} name={data.name} />
        <span className="shrink-0 rounded bg-zinc-100 px-1.5 py-0.5 text-[11px] font-medium text-zinc-600">{sourceKindLabel(data.kind)}</span>
      </div>
      <div className="mt-1.5 flex items-end justify-between gap-2">
        <div className="min-w-0 text-xs text-zinc-600">
          <p className="flex items-center gap-1.5">
            <span aria-hidden="true" className={`size-2 shrink-0 rounded-full ${!data.enabled ? "bg-zinc-300" : receiving ? "bg-emerald-500" : "bg-zinc-300"}`} />
            <span className="truncate" suppressHydrationWarning>
              {!data.enabled ? "Disabled" : data.lastEventAt ? (receiving ? "Receiving" : `Last event ${formatRelativeTime(data.lastEventAt, now)}`) : "No events yet"}
            </span>
          </p>
          <p className="mt-0.5 tabular-nums text-zinc-500">{formatCount(lastHour, "event")} / hour</p>
        </div>
        <Sparkline counts={data.perMinute} className="shrink-0" />
      </div>
      <Handle type="source" position={Position.Right} aria-label={`Connect ${data.name} to a destination`} className="!size-3 !border-2 !border-white !bg-zinc-500" />
    </div>
  );
}

export default memo(SourceNodeView);
