"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/trpc-context";
import { StatusBadge } from "@/components/destinations/StatusBadge";

/** The destinations this source's events go to, each linking to its page. */
export function ConnectedDestinations({ workspaceId, sourceId }: { workspaceId: string; sourceId: string }) {
  const trpc = useTRPC();
  const destinations = useQuery(trpc.destinations.list.queryOptions({ workspaceId }));
  const connected = destinations.data?.filter((d) => d.sourceIds.includes(sourceId)) ?? [];
  return (
    <section aria-labelledby="connected-heading" className="rounded-xl border border-zinc-200 bg-white p-4 shadow-sm sm:p-5">
      <h2 id="connected-heading" className="text-sm font-semibold text-zinc-900">
        Destinations
      </h2>
      {destinations.isPending ? (
        <p className="mt-2 text-sm text-zinc-500">Loading…</p>
      ) : destinations.isError ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          The destinations could not be loaded.
        </p>
      ) : connected.length === 0 ? (
        <p className="mt-1 text-sm text-zinc-600">
          None yet: events are stored but go nowhere.{" "}
          <Link href={`/w/${encodeURIComponent(workspaceId)}`} className="font-medium text-indigo-700 hover:underline">
            Connect a destination
          </Link>{" "}
          on the connections canvas.
        </p>
      ) : (
        <ul className="mt-2 space-y-1.5">
          {connected.map((d) => (
            <li key={d.id} className="flex min-w-0 items-center gap-2">
              <Link
                href={`/w/${encodeURIComponent(workspaceId)}/destinations/${encodeURIComponent(d.id)}`}
                className="min-w-0 truncate text-sm font-medium text-zinc-900 hover:underline"
              >
                {d.name}
              </Link>
              <span className="text-xs text-zinc-500">{d.type}</span>
              <StatusBadge status={d.health} className="ml-auto" />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
