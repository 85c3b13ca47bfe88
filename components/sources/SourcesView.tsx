"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import type { Source, SourceKind } from "@/components/trpc/router-types";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/trpc-context";
import { Button } from "@/components/ui/Button";
import { useCanEdit } from "@/components/workspace/workspace-role";
import { CreateSourceForm } from "./CreateSourceForm";
import { SourceList } from "./SourceList";
import { SourcesEmpty } from "./SourcesEmpty";
import { SourcesHeader } from "./SourcesHeader";

type SourcesViewProps = {
  workspaceId: string;
  kinds: readonly SourceKind[];
  initialSources: Source[];
};

export function SourcesView({ workspaceId, kinds, initialSources }: SourcesViewProps) {
  const trpc = useTRPC();
  const canEdit = useCanEdit();
  const sources = useQuery(trpc.sources.list.queryOptions({ workspaceId }, { initialData: initialSources }));
  const count = sources.data.length;
  const previousCount = useRef(count);

  // A deleted row takes the focused element with it: give keyboard users a place to continue from.
  useEffect(() => {
    const focusLost = document.activeElement === null || document.activeElement === document.body;
    if (count < previousCount.current && focusLost) document.getElementById("sources-heading")?.focus();
    previousCount.current = count;
  }, [count]);

  return (
    <div className="space-y-6">
      <SourcesHeader />
      {canEdit ? <CreateSourceForm workspaceId={workspaceId} kinds={kinds} /> : <ReadOnlyNote />}
      {sources.isError ? (
        <div role="alert" className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <span>The list could not be refreshed: {errorMessage(sources.error)}</span>
          <Button size="sm" onClick={() => void sources.refetch()} disabled={sources.isFetching}>
            Try again
          </Button>
        </div>
      ) : null}
      {sources.data.length === 0 ? <SourcesEmpty /> : <SourceList workspaceId={workspaceId} sources={sources.data} />}
    </div>
  );
}

function ReadOnlyNote() {
  return (
    <p className="rounded-lg border border-zinc-200 bg-zinc-50 px-4 py-3 text-sm text-zinc-600">
      You can view this workspace. Ask an admin for the editor role to add or change sources.
    </p>
  );
}
