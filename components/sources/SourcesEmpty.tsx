export function SourcesEmpty() {
  return (
    <div className="rounded-xl border border-dashed border-zinc-300 bg-white px-6 py-12 text-center">
      <h2 className="text-base font-semibold text-zinc-900">No sources yet</h2>
      <p className="mx-auto mt-2 max-w-md text-sm text-zinc-600">
        Add a source above to get a write key. Then send a first event with it, for example{" "}
        <code className="font-mono text-[0.8125rem] text-zinc-800">POST /v1/track</code> with the key as the HTTP Basic
        user name.
      </p>
    </div>
  );
}
