"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/trpc-context";
import type { Destination, DestinationAction } from "./destination-types";

function ActionRow({ workspaceId, destination, action }: { workspaceId: string; destination: Destination; action: DestinationAction }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(
    trpc.destinations.updateAction.mutationOptions({
      onSuccess: (updated) => {
        queryClient.setQueryData(trpc.destinations.get.queryKey({ workspaceId, id: destination.id }), (current) =>
          current ? { ...current, actions: current.actions.map((a) => (a.id === updated.id ? updated : a)) } : current,
        );
      },
    }),
  );
  const editorHref = `/w/${encodeURIComponent(workspaceId)}/destinations/${encodeURIComponent(destination.id)}/actions/${encodeURIComponent(action.id)}`;
  const on = action.enabled;
  return (
    <li className="grid grid-cols-[auto_minmax(0,1fr)_auto] items-start gap-x-3 gap-y-1 px-4 py-3 sm:px-5">
      <button
        type="button"
        role="switch"
        aria-checked={on}
        aria-label={`${action.name} enabled`}
        disabled={update.isPending}
        onClick={() => update.mutate({ workspaceId, actionId: action.id, enabled: !on })}
        className={`relative mt-0.5 inline-flex h-5 w-9 shrink-0 items-center rounded-full transition-colors disabled:opacity-60 ${on ? "bg-emerald-600" : "bg-zinc-300"}`}
      >
        <span className={`inline-block size-4 rounded-full bg-white shadow transition-transform ${on ? "translate-x-4.5" : "translate-x-0.5"}`} />
      </button>
      <div className="min-w-0">
        <p className={`text-sm font-medium ${on ? "text-zinc-900" : "text-zinc-500"}`}>
          {action.name}
          <span className="ml-2 text-xs font-normal text-zinc-500">v{action.version}</span>
        </p>
        <p className="mt-1 break-words font-mono text-xs leading-5 text-zinc-600">
          <span className="sr-only">Trigger: </span>
          {action.trigger}
        </p>
        {update.isError ? (
          <p role="alert" className="mt-1 text-xs text-red-700">
            {errorMessage(update.error)}
          </p>
        ) : null}
      </div>
      <Link href={editorHref} prefetch={false} className="rounded-md px-2 py-1 text-sm font-medium text-indigo-700 hover:bg-indigo-50" aria-label={`Edit ${action.name}`}>
        Edit
      </Link>
    </li>
  );
}

export function ActionList({ workspaceId, destination }: { workspaceId: string; destination: Destination }) {
  if (destination.actions.length === 0) return <p className="px-5 py-6 text-sm text-zinc-600">This destination has no actions, so it sends nothing.</p>;
  return (
    <ul className="divide-y divide-zinc-100">
      {destination.actions.map((action) => (
        <ActionRow key={action.id} workspaceId={workspaceId} destination={destination} action={action} />
      ))}
    </ul>
  );
}
