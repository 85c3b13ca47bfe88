import { SourcesHeader } from "./SourcesHeader";

export function SourcesSkeleton() {
  return (
    <div className="space-y-6" aria-busy="true">
      <SourcesHeader />
      <p className="sr-only" role="status">
        Loading sources…
      </p>
      <div className="h-32 animate-pulse rounded-xl border border-zinc-200 bg-white" />
      <div className="divide-y divide-zinc-100 rounded-xl border border-zinc-200 bg-white">
        {[0, 1, 2].map((row) => (
          <div key={row} className="flex animate-pulse items-center gap-6 px-5 py-5">
            <div className="h-4 w-40 rounded bg-zinc-200" />
            <div className="h-4 w-64 rounded bg-zinc-100" />
            <div className="ml-auto h-4 w-24 rounded bg-zinc-100" />
          </div>
        ))}
      </div>
    </div>
  );
}
