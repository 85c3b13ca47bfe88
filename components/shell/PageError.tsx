"use client";

import { Button } from "@/components/ui/Button";

/** The body of an `error.tsx` boundary: what happened, what to do, and a way to try again. */
export function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <div role="alert" className="mx-auto mt-8 max-w-lg rounded-xl border border-red-200 bg-white p-6 text-center shadow-sm">
      <h1 className="text-lg font-semibold text-zinc-900">This page could not be loaded</h1>
      <p className="mt-2 text-sm text-zinc-600">
        The server could not answer. Check that Switchyard and its database are running, then try again.
      </p>
      {digest ? <p className="mt-2 font-mono text-xs text-zinc-500">Reference: {digest}</p> : null}
      <Button className="mt-4" onClick={() => retry()}>
        Try again
      </Button>
    </div>
  );
}
