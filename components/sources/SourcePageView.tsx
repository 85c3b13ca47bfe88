"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSyncExternalStore } from "react";
import { LiveEvents } from "@/components/events/LiveEvents";
import type { Source } from "@/components/trpc/router-types";
import { useTRPC } from "@/components/trpc/trpc-context";
import { ConnectedDestinations } from "./ConnectedDestinations";
import { InstallSnippets } from "./InstallSnippets";
import { WriteKeyPanel } from "./WriteKeyPanel";
import { sourceKindLabel } from "./source-kinds";

type SourcePageViewProps = {
  workspaceId: string;
  initialSource: Source;
  /** SWITCHYARD_PUBLIC_URL; without it, snippets use the address this page was opened at. */
  configuredBaseUrl: string | null;
};

const noSubscription = () => () => undefined;

export function SourcePageView({ workspaceId, initialSource, configuredBaseUrl }: SourcePageViewProps) {
  const origin = useSyncExternalStore(noSubscription, () => window.location.origin, () => null);
  const baseUrl = configuredBaseUrl ?? origin ?? "";
  const trpc = useTRPC();
  const { data: source } = useQuery(trpc.sources.get.queryOptions({ workspaceId, id: initialSource.id }, { initialData: initialSource }));
  const sourcesHref = `/w/${encodeURIComponent(workspaceId)}/sources`;

  return (
    <div className="space-y-6">
      <div>
        <nav aria-label="Breadcrumb" className="text-sm text-zinc-500">
          <Link href={sourcesHref} className="rounded hover:text-zinc-800 hover:underline">
            Sources
          </Link>
          <span aria-hidden="true" className="mx-1.5 text-zinc-300">
            /
          </span>
          <span aria-current="page" className="text-zinc-700">
            {source.name}
          </span>
        </nav>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <h1 className="min-w-0 break-words text-2xl font-semibold tracking-tight text-zinc-900">{source.name}</h1>
          <span className="rounded-md bg-zinc-100 px-1.5 py-0.5 text-xs font-medium text-zinc-600">{sourceKindLabel(source.kind)}</span>
          <span
            className={`rounded-md px-1.5 py-0.5 text-xs font-medium ${source.enabled ? "bg-emerald-50 text-emerald-700" : "bg-zinc-200 text-zinc-700"}`}
            title={source.enabled ? "Accepting events" : "Rejecting events: enable it in the sources list"}
          >
            {source.enabled ? "Enabled" : "Disabled"}
          </span>
          {source.kind === "javascript" ? (
            <a href={`/demo/${encodeURIComponent(source.id)}`} target="_blank" rel="noopener" className="text-sm font-medium text-indigo-700 hover:underline">
              Open the demo page
            </a>
          ) : null}
        </div>
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,26rem)_minmax(0,1fr)] lg:items-start">
        <div className="min-w-0 space-y-6">
          <WriteKeyPanel workspaceId={workspaceId} source={source} />
          <ConnectedDestinations workspaceId={workspaceId} sourceId={source.id} />
        </div>
        <InstallSnippets baseUrl={baseUrl} writeKey={source.writeKey} globalName={source.settings.globalName} initialLanguage={source.kind === "http" ? "curl" : source.kind} />
      </div>
      <LiveEvents
        workspaceId={workspaceId}
        sourceId={source.id}
        sourceNames={{ [source.id]: source.name }}
        emptyHint="Send an event with one of the snippets above: it shows up here within a second, without reloading."
      />
    </div>
  );
}
