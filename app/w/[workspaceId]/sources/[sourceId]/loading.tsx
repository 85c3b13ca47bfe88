export default function SourceLoading() {
  return (
    <div className="space-y-6" aria-busy="true">
      <p className="sr-only" role="status">
        Loading the source…
      </p>
      <div className="space-y-2">
        <div className="h-4 w-32 animate-pulse rounded bg-zinc-200" />
        <div className="h-7 w-64 animate-pulse rounded bg-zinc-200" />
      </div>
      <div className="grid gap-6 lg:grid-cols-[26rem_1fr]">
        <div className="h-36 animate-pulse rounded-xl border border-zinc-200 bg-white" />
        <div className="h-64 animate-pulse rounded-xl border border-zinc-200 bg-white" />
      </div>
      <div className="h-72 animate-pulse rounded-xl border border-zinc-200 bg-white" />
    </div>
  );
}
