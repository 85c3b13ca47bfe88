import Link from "next/link";

/** A workspace with nothing in it yet: the three steps to a first delivery. */
export function CanvasEmpty({ base }: { base: string }) {
  return (
    <section aria-labelledby="canvas-empty-heading" className="rounded-xl border border-dashed border-zinc-300 bg-white px-6 py-12 text-center">
      <h2 id="canvas-empty-heading" className="text-base font-semibold text-zinc-900">
        Nothing connected yet
      </h2>
      <ol className="mx-auto mt-3 max-w-md space-y-1 text-left text-sm text-zinc-600 sm:text-center">
        <li>1. Add a source: it gives you a write key to send events with.</li>
        <li>2. Add a destination: where those events should go.</li>
        <li>3. Drag from the source to the destination to connect them.</li>
      </ol>
      <div className="mt-6 flex flex-wrap justify-center gap-2">
        <Link href={`${base}/sources/new`} className="inline-flex h-9 items-center rounded-md bg-zinc-900 px-3.5 text-sm font-medium text-white shadow-sm hover:bg-zinc-700">
          Add your first source
        </Link>
        <Link href={`${base}/destinations/new`} className="inline-flex h-9 items-center rounded-md border border-zinc-300 bg-white px-3.5 text-sm font-medium text-zinc-800 shadow-sm hover:bg-zinc-50">
          Add a destination
        </Link>
      </div>
    </section>
  );
}
