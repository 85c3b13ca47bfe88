"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { AuditPage } from "@/components/trpc/router-types";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/trpc-context";
import { Button } from "@/components/ui/Button";
import { AUDIT_FILTERS } from "./audit-text";
import { AuditTable } from "./AuditTable";

type AuditLogViewProps = { workspaceId: string; pageSize: number; firstPage: AuditPage };

export function AuditLogView({ workspaceId, pageSize, firstPage }: AuditLogViewProps) {
  const trpc = useTRPC();
  const [action, setAction] = useState("");
  const pages = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      { workspaceId, limit: pageSize, ...(action ? { action } : {}) },
      {
        getNextPageParam: (page) => page.nextCursor,
        ...(action ? {} : { initialData: { pages: [firstPage], pageParams: [null] } }),
      },
    ),
  );
  const entries = pages.data?.pages.flatMap((page) => page.entries) ?? [];

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-zinc-900">Audit log</h1>
          <p className="mt-1 max-w-2xl text-sm text-zinc-600">
            Who changed what and when: sources, destinations, connections, actions, members, tokens and workspace settings. Secrets never appear here.
          </p>
        </div>
        <label className="flex items-center gap-2 text-sm text-zinc-700">
          Show
          <select
            value={action}
            onChange={(event) => setAction(event.target.value)}
            className="h-9 rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-900 shadow-sm"
          >
            {AUDIT_FILTERS.map((filter) => (
              <option key={filter.value} value={filter.value}>
                {filter.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {pages.isError ? (
        <div role="alert" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          The audit log could not be loaded: {errorMessage(pages.error)}
        </div>
      ) : null}
      {pages.isPending ? (
        <p className="text-sm text-zinc-500">Loading…</p>
      ) : entries.length === 0 ? (
        <p className="rounded-lg border border-dashed border-zinc-300 px-4 py-10 text-center text-sm text-zinc-500">Nothing recorded yet.</p>
      ) : (
        <AuditTable entries={entries} />
      )}
      {pages.hasNextPage ? (
        <div className="flex justify-center">
          <Button onClick={() => void pages.fetchNextPage()} disabled={pages.isFetchingNextPage}>
            {pages.isFetchingNextPage ? "Loading…" : "Older entries"}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
