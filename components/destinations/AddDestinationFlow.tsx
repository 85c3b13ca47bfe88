"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Breadcrumbs } from "@/components/shell/Breadcrumbs";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/trpc-context";
import { CatalogPicker } from "./CatalogPicker";
import { DestinationSettingsForm } from "./DestinationSettingsForm";
import { useCatalog } from "./use-catalog";

/** Pick a destination from the catalog, fill in its settings, then land on its node on the canvas. */
export function AddDestinationFlow({ workspaceId, type }: { workspaceId: string; type: string | null }) {
  const router = useRouter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const catalog = useCatalog();
  const base = `/w/${encodeURIComponent(workspaceId)}`;
  const entry = type ? catalog.data?.find((e) => e.key === type) : undefined;

  return (
    <div className="mx-auto max-w-5xl">
      <Breadcrumbs
        items={[
          { label: "Connections", href: base },
          { label: "Add a destination", href: entry ? `${base}/destinations/new` : undefined },
          ...(entry ? [{ label: entry.name }] : []),
        ]}
      />
      <h1 className="text-2xl font-semibold tracking-tight">{entry ? `Add ${entry.name}` : "Add a destination"}</h1>
      <p className="mt-1 max-w-2xl text-sm text-zinc-600">
        {entry ? entry.description : "Where your events should go. Pick a tool from the catalog; you choose which sources feed it on the canvas."}
      </p>
      <div className="mt-6">
        {catalog.isPending ? (
          <p className="text-sm text-zinc-500">Loading the catalog…</p>
        ) : catalog.isError ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            The catalog could not be loaded: {errorMessage(catalog.error)}
          </p>
        ) : entry ? (
          <section className="max-w-2xl rounded-xl border border-zinc-200 bg-white p-4 shadow-sm sm:p-6">
            <DestinationSettingsForm
              workspaceId={workspaceId}
              destinationType={entry.key}
              onSaved={(destination) => {
                queryClient.removeQueries({ queryKey: trpc.canvas.graph.queryKey({ workspaceId }) });
                router.push(`${base}?selected=${encodeURIComponent(`destination:${destination.id}`)}`);
              }}
            />
          </section>
        ) : (
          <CatalogPicker catalog={catalog.data} onPick={(picked) => router.push(`${base}/destinations/new?type=${encodeURIComponent(picked.key)}`)} />
        )}
      </div>
    </div>
  );
}
