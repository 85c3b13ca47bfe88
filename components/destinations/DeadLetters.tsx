"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { formatRelativeTime } from "@/components/sources/relative-time";
import { useNow } from "@/components/sources/use-now";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/trpc-context";
import { Button } from "@/components/ui/Button";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import type { Destination } from "./destination-types";
import { Panel } from "./Panel";
import { formatCount } from "../format/count";

export function DeadLetters({ workspaceId, destination, onTrace }: { workspaceId: string; destination: Destination; onTrace: (position: number) => void }) {
  const id = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const now = useNow();
  const [confirming, setConfirming] = useState(false);
  const [redriven, setRedriven] = useState<number | null>(null);
  const letters = useQuery(trpc.destinations.deadLetters.queryOptions({ workspaceId, id: destination.id }, { refetchInterval: 5_000 }));
  const redrive = useMutation(
    trpc.destinations.redriveDeadLetters.mutationOptions({
      onSuccess: ({ redriven: count }) => {
        setConfirming(false);
        setRedriven(count);
        void queryClient.invalidateQueries({ queryKey: trpc.destinations.deadLetters.queryKey({ workspaceId, id: destination.id }) });
      },
    }),
  );
  const actionName = (actionId: string) => destination.actions.find((a) => a.id === actionId)?.name ?? "Deleted action";
  const count = letters.data?.length ?? 0;

  return (
    <Panel
      id={id}
      title={count > 0 ? `Dead letters (${count}${count === 100 ? "+" : ""})` : "Dead letters"}
      flush
      actions={
        count > 0 ? (
          <Button size="sm" onClick={() => setConfirming(true)}>
            Redrive all
          </Button>
        ) : null
      }
    >
      {redriven !== null ? (
        <p role="status" className="border-b border-emerald-200 bg-emerald-50 px-4 py-2 text-sm text-emerald-800 sm:px-5">
          {redriven === 1 ? "1 event is" : `${redriven} events are`} queued to be sent again.
        </p>
      ) : null}
      {letters.isPending ? (
        <p className="px-5 py-6 text-sm text-zinc-500">Loading…</p>
      ) : letters.isError ? (
        <p role="alert" className="px-5 py-6 text-sm text-red-700">
          {errorMessage(letters.error)}
        </p>
      ) : count === 0 ? (
        <p className="px-4 py-5 text-sm text-zinc-600 sm:px-5">None. Events this destination refuses for good, or that keep failing past the retry window, wait here to be redriven.</p>
      ) : (
        <ul className="max-h-96 divide-y divide-zinc-100 overflow-auto">
          {letters.data.map((letter) => (
            <li key={letter.id} className="px-4 py-2.5 text-sm sm:px-5">
              <div className="flex min-w-0 flex-wrap items-center gap-x-2">
                <span className="min-w-0 truncate font-medium text-zinc-900">{actionName(letter.actionId)}</span>
                <button type="button" onClick={() => onTrace(letter.eventPosition)} className="rounded font-mono text-xs text-indigo-700 hover:underline" aria-label={`Trace event ${letter.eventPosition}`}>
                  #{letter.eventPosition}
                </button>
                <time dateTime={letter.createdAt} suppressHydrationWarning className="ml-auto text-xs text-zinc-500">
                  {formatRelativeTime(letter.createdAt, now)}
                </time>
              </div>
              <p className="mt-0.5 break-words text-xs text-red-700">
                {letter.error} <span className="text-zinc-500">({formatCount(letter.attempts, "attempt")})</span>
              </p>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Redrive the dead letters of “${destination.name}”?`}
        confirmLabel="Redrive all"
        pending={redrive.isPending}
        error={redrive.isError ? errorMessage(redrive.error) : null}
        onConfirm={() => redrive.mutate({ workspaceId, id: destination.id })}
        onCancel={() => {
          setConfirming(false);
          redrive.reset();
        }}
      >
        Each event is sent again through its action as it is now, in its user&rsquo;s order. Fix the cause first (settings, the action&rsquo;s mapping), or they may fail again.
      </ConfirmDialog>
    </Panel>
  );
}
