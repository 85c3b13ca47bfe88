import Link from "next/link";
import type { CanvasGraph } from "./canvas-types";

/** What to do next, over the canvas, while a column is empty or nothing is connected. */
export function CanvasHints({ graph, base }: { graph: CanvasGraph; base: string }) {
  let hint: React.ReactNode = null;
  if (graph.sources.length === 0) {
    hint = (
      <>
        No sources yet. <Link href={`${base}/sources/new`} className="font-medium text-indigo-700 underline underline-offset-2">Add a source</Link> to send events.
      </>
    );
  } else if (graph.destinations.length === 0) {
    hint = (
      <>
        Next: <Link href={`${base}/destinations/new`} className="font-medium text-indigo-700 underline underline-offset-2">add a destination</Link> for these events to go to.
      </>
    );
  } else if (graph.connections.length === 0) {
    hint = <>Drag from the dot on a source’s right edge to a destination to connect them.</>;
  }
  if (!hint) return null;
  return (
    <p className="pointer-events-auto absolute left-1/2 top-3 z-10 max-w-[calc(100%-2rem)] -translate-x-1/2 rounded-full border border-zinc-200 bg-white/95 px-4 py-1.5 text-center text-sm text-zinc-700 shadow-sm">
      {hint}
    </p>
  );
}
