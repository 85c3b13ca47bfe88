"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useNow } from "@/components/sources/use-now";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/trpc-context";
import { Button } from "@/components/ui/Button";
import { AttemptRow } from "./AttemptRow";
import { ATTEMPT_STATUS_OPTIONS, type Attempt, type AttemptStatus } from "./destination-types";
import { Panel } from "./Panel";

type DeliveryLogProps = { workspaceId: string; destinationId: string; onTrace: (position: number) => void };

/** The newest attempts refresh every two seconds until older pages are loaded on demand. */
export function DeliveryLog({ workspaceId, destinationId, onTrace }: DeliveryLogProps) {
  const id = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const now = useNow(10_000);
  const [status, setStatus] = useState<AttemptStatus | "">("");
  const [older, setOlder] = useState<{ attempts: Attempt[]; nextBefore: string | null } | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const input = { workspaceId, destinationId, status: status || undefined };
  // Once older pages are shown the list holds still, so that pages stay contiguous.
  const newest = useQuery(trpc.deliveries.log.queryOptions(input, { refetchInterval: older ? false : 2_000 }));

  const attempts = [...(newest.data?.attempts ?? []), ...(older?.attempts ?? [])].filter((a, i, all) => all.findIndex((b) => b.id === a.id) === i);
  const nextBefore = older ? older.nextBefore : (newest.data?.nextBefore ?? null);

  async function loadOlder() {
    if (!nextBefore) return;
    setLoadingOlder(true);
    try {
      const page = await queryClient.fetchQuery(trpc.deliveries.log.queryOptions({ ...input, before: nextBefore }, { staleTime: 0, gcTime: 0 }));
      setOlder((o) => ({ attempts: [...(o?.attempts ?? []), ...page.attempts], nextBefore: page.nextBefore }));
    } finally {
      setLoadingOlder(false);
    }
  }

  return (
    <Panel
      id={id}
      title="Delivery log"
      flush
      actions={
        <>
          <label htmlFor={`${id}-status`} className="sr-only">
            Status
          </label>
          <select
            id={`${id}-status`}
            value={status}
            onChange={(event) => {
              setStatus(ATTEMPT_STATUS_OPTIONS.find((s) => s === event.target.value) ?? "");
              setOlder(null);
            }}
            className="h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm shadow-sm"
          >
            <option value="">All statuses</option>
            {ATTEMPT_STATUS_OPTIONS.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </>
      }
    >
      {newest.isError ? (
        <p role="alert" className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900 sm:px-5">
          The log could not be refreshed: {errorMessage(newest.error)}
        </p>
      ) : null}
      {newest.isPending ? (
        <p className="px-5 py-8 text-center text-sm text-zinc-500">Loading deliveries…</p>
      ) : attempts.length === 0 ? (
        <div className="px-5 py-8 text-center">
          <p className="text-sm font-medium text-zinc-900">{status ? `No ${status} deliveries` : "No deliveries yet"}</p>
          <p className="mx-auto mt-1 max-w-md text-sm text-zinc-600">
            {status ? "Choose another status to see the rest." : "Connect a source to this destination and send an event that an enabled action's trigger matches. Each request appears here."}
          </p>
        </div>
      ) : (
        <>
          <div aria-hidden="true" className="hidden grid-cols-[1rem_5.5rem_minmax(0,1fr)_minmax(0,10rem)_4rem_4.5rem_6.5rem] gap-x-3 border-b border-zinc-100 bg-zinc-50 px-5 py-2 text-xs font-medium uppercase tracking-wide text-zinc-500 md:grid">
            <span />
            <span>Status</span>
            <span>Event</span>
            <span>Action</span>
            <span className="text-right">HTTP</span>
            <span className="text-right">Time</span>
            <span className="text-right">When</span>
          </div>
          <ul aria-label="Delivery attempts, newest first" className="divide-y divide-zinc-100">
            {attempts.map((attempt) => (
              <AttemptRow key={attempt.id} attempt={attempt} now={now} onTrace={onTrace} />
            ))}
          </ul>
        </>
      )}
      {nextBefore ? (
        <div className="border-t border-zinc-100 px-4 py-3 text-center sm:px-5">
          <Button size="sm" onClick={() => void loadOlder()} disabled={loadingOlder}>
            {loadingOlder ? "Loading…" : "Load older attempts"}
          </Button>
        </div>
      ) : null}
    </Panel>
  );
}
