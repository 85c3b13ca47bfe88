export function SourcesHeader() {
  return (
    <div>
      <h1 id="sources-heading" tabIndex={-1} className="text-2xl font-semibold tracking-tight text-zinc-900">
        Sources
      </h1>
      <p className="mt-1 max-w-2xl text-sm text-zinc-600">
        Where your events come from. Each source has its own write key: SDKs and servers send events with it to{" "}
        <code className="font-mono text-[0.8125rem] text-zinc-800">/v1/track</code>,{" "}
        <code className="font-mono text-[0.8125rem] text-zinc-800">/v1/identify</code> and the other Segment-compatible
        endpoints.
      </p>
    </div>
  );
}
