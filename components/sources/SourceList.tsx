import type { Source } from "@/components/trpc/router-types";
import { SourceRow } from "./SourceRow";
import { SOURCE_GRID_COLUMNS } from "./source-grid";

export function SourceList({ workspaceId, sources }: { workspaceId: string; sources: Source[] }) {
  return (
    <section aria-labelledby="source-list-heading" className="overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-sm">
      <h2 id="source-list-heading" className="sr-only">
        Your sources
      </h2>
      <div
        aria-hidden="true"
        className={`hidden border-b border-zinc-200 bg-zinc-50 px-5 py-2.5 text-xs font-medium uppercase tracking-wide text-zinc-500 xl:grid ${SOURCE_GRID_COLUMNS}`}
      >
        <span>Source</span>
        <span>Write key</span>
        <span>Status</span>
        <span>Last event</span>
        <span className="text-right">Actions</span>
      </div>
      <ul className="divide-y divide-zinc-100">
        {sources.map((source) => (
          <SourceRow key={source.id} workspaceId={workspaceId} source={source} />
        ))}
      </ul>
    </section>
  );
}
