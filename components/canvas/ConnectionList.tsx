import Link from "next/link";
import { sourceKindLabel } from "@/components/sources/source-kinds";
import type { CanvasGraph } from "./canvas-types";
import { healthStyle } from "./health";
import { formatCount } from "../format/count";

/** The canvas as a list, for narrow screens: each source with the destinations it feeds, then the destinations. */
export function ConnectionList({ graph, base }: { graph: CanvasGraph; base: string }) {
  const destinations = new Map(graph.destinations.map((d) => [d.id, d]));
  return (
    <div className="space-y-6">
      <section aria-labelledby="list-sources">
        <h2 id="list-sources" className="text-sm font-semibold text-zinc-900">
          Sources
        </h2>
        <ul className="mt-2 divide-y divide-zinc-100 rounded-xl border border-zinc-200 bg-white">
          {graph.sources.map((source) => {
            const targets = graph.connections.filter((c) => c.sourceId === source.id).map((c) => destinations.get(c.destinationId)).filter((d) => d !== undefined);
            const lastHour = source.perMinute.reduce((a, b) => a + b, 0);
            return (
              <li key={source.id} className="px-4 py-3">
                <div className="flex items-center justify-between gap-3">
                  <Link href={`${base}/sources/${encodeURIComponent(source.id)}`} className="truncate text-sm font-medium text-zinc-900 underline-offset-2 hover:underline">
                    {source.name}
                  </Link>
                  <span className="shrink-0 text-xs text-zinc-500">{sourceKindLabel(source.kind)} · {lastHour} / h</span>
                </div>
                <p className="mt-1 text-xs text-zinc-600">{targets.length === 0 ? "Not connected" : `→ ${targets.map((d) => d.name).join(", ")}`}</p>
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="list-destinations">
        <h2 id="list-destinations" className="text-sm font-semibold text-zinc-900">
          Destinations
        </h2>
        <ul className="mt-2 divide-y divide-zinc-100 rounded-xl border border-zinc-200 bg-white">
          {graph.destinations.map((destination) => {
            const health = healthStyle(destination.health);
            return (
              <li key={destination.id} className="px-4 py-3">
                <div className="flex items-center justify-between gap-3">
                  <Link href={`${base}/destinations/${encodeURIComponent(destination.id)}`} className="truncate text-sm font-medium text-zinc-900 underline-offset-2 hover:underline">
                    {destination.name}
                  </Link>
                  <span className={`inline-flex shrink-0 items-center gap-1 rounded-full px-2 py-0.5 text-[11px] font-medium ring-1 ring-inset ${health.badge}`}>{health.label}</span>
                </div>
                <p className="mt-1 text-xs text-zinc-600">
                  {destination.typeName}
                  {destination.region ? ` · ${destination.region}` : ""}
                  {destination.crossRegion ? <span className="ml-1 rounded bg-amber-50 px-1 font-medium text-amber-900">cross-region</span> : null}
                  {destination.errorCount > 0 ? <span className="text-red-700"> · {formatCount(destination.errorCount, "error")} (24h)</span> : null}
                </p>
                {destination.health !== "healthy" && destination.healthReason ? <p className="mt-1 text-xs text-zinc-600">{destination.healthReason}</p> : null}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
