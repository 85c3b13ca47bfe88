"use client";

import { formatRelativeTime } from "./relative-time";
import { useNow } from "./use-now";

export function LastEvent({ at }: { at: string | null }) {
  const now = useNow();
  if (!at) return <span className="text-sm text-zinc-500">No events yet</span>;
  return (
    // Server and browser clocks (and time zones) differ by a little; the browser's reading wins.
    <time dateTime={at} title={new Date(at).toLocaleString()} suppressHydrationWarning className="text-sm text-zinc-800">
      {formatRelativeTime(at, now)}
    </time>
  );
}
