"use client";

import { useQuery } from "@tanstack/react-query";
import { formatRelativeTime } from "@/components/sources/relative-time";
import { useNow } from "@/components/sources/use-now";
import { useTRPC } from "@/components/trpc/trpc-context";
import { StatusBadge } from "./StatusBadge";

export function HealthHistory({ workspaceId, destinationId }: { workspaceId: string; destinationId: string }) {
  const trpc = useTRPC();
  const now = useNow();
  const history = useQuery(trpc.deliveries.healthHistory.queryOptions({ workspaceId, destinationId }, { refetchInterval: 15_000 }));
  if (history.isPending) return <p className="text-sm text-zinc-500">Loading…</p>;
  if (history.isError) return <p role="alert" className="text-sm text-red-700">The health history could not be loaded.</p>;
  if (history.data.length === 0) return <p className="text-sm text-zinc-600">Healthy since it was created. Changes appear here when deliveries keep failing or recover.</p>;
  return (
    <ol className="space-y-3">
      {history.data.map((change) => (
        <li key={change.id} className="flex min-w-0 items-start gap-3">
          <StatusBadge status={change.state} className="mt-0.5 w-20 justify-center" />
          <div className="min-w-0 text-sm">
            <p className="break-words text-zinc-800">{change.reason}</p>
            <time dateTime={change.at} title={new Date(change.at).toLocaleString()} suppressHydrationWarning className="text-xs text-zinc-500">
              {formatRelativeTime(change.at, now)}
            </time>
          </div>
        </li>
      ))}
    </ol>
  );
}
