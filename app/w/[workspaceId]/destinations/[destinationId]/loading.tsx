export default function DestinationLoading() {
  return (
    <div className="space-y-6" aria-busy="true">
      <p className="sr-only" role="status">
        Loading the destination…
      </p>
      <div className="space-y-2">
        <div className="h-4 w-40 animate-pulse rounded bg-zinc-200" />
        <div className="h-7 w-72 animate-pulse rounded bg-zinc-200" />
      </div>
      <div className="h-52 animate-pulse rounded-xl border border-zinc-200 bg-white" />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="h-96 animate-pulse rounded-xl border border-zinc-200 bg-white" />
        <div className="h-96 animate-pulse rounded-xl border border-zinc-200 bg-white" />
      </div>
    </div>
  );
}
