"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/trpc-context";
import { Button } from "@/components/ui/Button";
import type { CatalogEntry, Destination } from "./destination-types";
import { StatusBadge } from "./StatusBadge";

function regionOf(destination: Destination, entry: CatalogEntry | null): string {
  const region = destination.settings.region;
  if (typeof region === "string" && region) return region;
  if (entry?.defaultRegion) return entry.defaultRegion;
  return Object.keys(entry?.regions ?? {}).length > 0 ? "Default" : "Set by its URL";
}

export function DestinationHeader({ workspaceId, destination, entry }: { workspaceId: string; destination: Destination; entry: CatalogEntry | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const resume = useMutation(
    trpc.destinations.resume.mutationOptions({
      onSuccess: (updated) => {
        queryClient.setQueryData(trpc.destinations.get.queryKey({ workspaceId, id: updated.id }), updated);
        void queryClient.invalidateQueries({ queryKey: trpc.deliveries.healthHistory.queryKey({ workspaceId, destinationId: updated.id }) });
      },
    }),
  );
  return (
    <div>
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-500">
        <Link href={`/w/${encodeURIComponent(workspaceId)}`} className="rounded hover:text-zinc-800 hover:underline">
          Connections
        </Link>
        <span aria-hidden="true" className="mx-1.5 text-zinc-300">
          /
        </span>
        <span aria-current="page" className="text-zinc-700">
          {destination.name}
        </span>
      </nav>
      <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-2">
        <h1 className="min-w-0 break-words text-2xl font-semibold tracking-tight text-zinc-900">{destination.name}</h1>
        <StatusBadge status={destination.health} />
        {destination.health !== "healthy" ? (
          <Button size="sm" variant="primary" onClick={() => resume.mutate({ workspaceId, id: destination.id })} disabled={resume.isPending}>
            {resume.isPending ? "Resuming…" : "Resume delivery"}
          </Button>
        ) : null}
      </div>
      <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm text-zinc-600">
        <div className="flex gap-1.5">
          <dt className="text-zinc-500">Type</dt>
          <dd className="font-medium text-zinc-800">{entry?.name ?? destination.type}</dd>
        </div>
        <div className="flex gap-1.5">
          <dt className="text-zinc-500">Region</dt>
          <dd className="font-medium text-zinc-800">{regionOf(destination, entry)}</dd>
        </div>
        <div className="flex gap-1.5">
          <dt className="text-zinc-500">Sources</dt>
          <dd className="font-medium text-zinc-800">{destination.sourceIds.length === 0 ? "none connected" : destination.sourceIds.length}</dd>
        </div>
        {destination.healthReason ? (
          <div className="flex min-w-0 gap-1.5">
            <dt className="text-zinc-500">Health</dt>
            <dd className="min-w-0 break-words text-zinc-800">{destination.healthReason}</dd>
          </div>
        ) : null}
      </dl>
      {resume.isError ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {errorMessage(resume.error)}
        </p>
      ) : null}
    </div>
  );
}
