"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo, useState, type MouseEvent } from "react";
import { useTRPC } from "@/components/trpc/trpc-context";
import { STACK_ORDER, niceMax, stackedBarPaths, type StackStatus } from "./chart-paths";

const HEIGHT = 100;
const COLORS: Record<StackStatus, string> = { succeeded: "#10b981", partial: "#fb923c", retrying: "#fbbf24", failed: "#ef4444" };
const TICKS = [
  [0, "24 h ago"],
  [0.25, "18 h"],
  [0.5, "12 h"],
  [0.75, "6 h"],
  [1, "now"],
] as const;

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });

export function DeliveriesChart({ workspaceId, destinationId }: { workspaceId: string; destinationId: string }) {
  const trpc = useTRPC();
  const stats = useQuery(trpc.deliveries.perMinute.queryOptions({ workspaceId, destinationId }, { refetchInterval: 10_000 }));
  const [hover, setHover] = useState<number | null>(null);

  const chart = useMemo(() => {
    if (!stats.data) return null;
    const { counts, minutes } = stats.data;
    const totals = Array.from({ length: minutes }, (_, i) => STACK_ORDER.reduce((sum, s) => sum + (counts[s][i] ?? 0), 0));
    const yMax = niceMax(Math.max(0, ...totals));
    return { yMax, paths: stackedBarPaths(counts, HEIGHT, yMax), minutes };
  }, [stats.data]);

  if (stats.isPending) return <div className="h-40 animate-pulse rounded-md bg-zinc-100" />;
  if (stats.isError || !chart) return <p role="alert" className="text-sm text-red-700">The chart could not be loaded.</p>;
  const { totals, counts, from } = stats.data;
  const all = STACK_ORDER.reduce((sum, s) => sum + totals[s], 0);

  function onMove(event: MouseEvent<HTMLDivElement>) {
    if (!chart) return;
    const box = event.currentTarget.getBoundingClientRect();
    setHover(Math.min(chart.minutes - 1, Math.max(0, Math.floor(((event.clientX - box.left) / box.width) * chart.minutes))));
  }

  const summary = `${all} attempts in the last 24 hours: ${STACK_ORDER.map((s) => `${totals[s]} ${s}`).join(", ")}`;
  return (
    <div>
      <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm" aria-label="Attempts in the last 24 hours">
        {STACK_ORDER.map((status) => (
          <li key={status} className="flex items-center gap-1.5 text-zinc-600">
            <span aria-hidden="true" className="size-2.5 rounded-sm" style={{ background: COLORS[status] }} />
            <span className="capitalize">{status}</span>
            <span className="font-medium tabular-nums text-zinc-900">{totals[status]}</span>
          </li>
        ))}
      </ul>
      <div className="mt-3 grid grid-cols-[2.5rem_minmax(0,1fr)] gap-x-2">
        <div className="relative text-right text-xs tabular-nums text-zinc-500" aria-hidden="true">
          <span className="absolute right-0 top-0 -translate-y-1/2">{chart.yMax}</span>
          <span className="absolute bottom-0 right-0 translate-y-1/2">0</span>
        </div>
        <div className="relative h-32 border-b border-l border-zinc-200" onMouseMove={onMove} onMouseLeave={() => setHover(null)}>
          <svg viewBox={`0 0 ${chart.minutes} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={summary} className="absolute inset-0 size-full">
            <line x1="0" x2={chart.minutes} y1={HEIGHT / 2} y2={HEIGHT / 2} stroke="#e4e4e7" strokeDasharray="4 4" vectorEffect="non-scaling-stroke" />
            {STACK_ORDER.map((status) => (
              // The stroke keeps a lone minute's bar at least 1.5 px wide however wide the chart is drawn.
              <path key={status} d={chart.paths[status]} fill={COLORS[status]} stroke={COLORS[status]} strokeWidth={1.5} vectorEffect="non-scaling-stroke" />
            ))}
            {hover !== null ? <rect x={hover} y={0} width={1} height={HEIGHT} fill="rgb(24 24 27 / 0.12)" /> : null}
          </svg>
          {all === 0 ? (
            <p className="absolute inset-0 flex items-center justify-center px-4 text-center text-sm text-zinc-500">
              No deliveries in the last 24 hours. Connect a source and send an event.
            </p>
          ) : null}
          {hover !== null ? (
            <div
              role="tooltip"
              className="pointer-events-none absolute top-1 z-10 w-40 rounded-md border border-zinc-200 bg-white px-2.5 py-2 text-xs shadow-md"
              style={hover / chart.minutes > 0.5 ? { right: `${(1 - hover / chart.minutes) * 100}%` } : { left: `${(hover / chart.minutes) * 100}%` }}
            >
              <p className="font-medium text-zinc-900">{timeFormat.format(new Date(Date.parse(from) + hover * 60_000))}</p>
              {STACK_ORDER.map((status) => (
                <p key={status} className="flex justify-between text-zinc-600">
                  <span className="capitalize">{status}</span>
                  <span className="tabular-nums text-zinc-900">{counts[status][hover] ?? 0}</span>
                </p>
              ))}
            </div>
          ) : null}
        </div>
        <div />
        <div className="relative mt-1 h-4 text-xs text-zinc-500" aria-hidden="true">
          {TICKS.map(([at, label]) => (
            <span
              key={label}
              className={`absolute top-0 ${at === 0 ? "" : at === 1 ? "-translate-x-full" : "-translate-x-1/2"} ${at === 0.25 || at === 0.75 ? "hidden sm:inline" : ""}`}
              style={{ left: `${at * 100}%` }}
            >
              {label}
            </span>
          ))}
        </div>
      </div>
    </div>
  );
}
