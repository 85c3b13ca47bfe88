"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/trpc-context";
import { Button } from "@/components/ui/Button";

/** The destination's action types; adding one opens it in the editor with its defaults. */
export function AddActionList({ workspaceId, destinationId }: { workspaceId: string; destinationId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const types = useQuery(trpc.actions.actionTypes.queryOptions({ workspaceId, destinationId }));
  const create = useMutation(
    trpc.actions.create.mutationOptions({ onSuccess: (action) => router.push(`/w/${workspaceId}/destinations/${destinationId}/actions/${action.id}`) }),
  );
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold text-zinc-900">Add an action</h1>
      <p className="text-sm text-zinc-600">Each action sends the events its trigger picks, shaped by its mapping. Start from one of these and change what it receives in the editor.</p>
      {types.isError ? <p role="alert" className="text-sm text-red-700">{errorMessage(types.error)}</p> : null}
      {create.isError ? <p role="alert" className="text-sm text-red-700">{errorMessage(create.error)}</p> : null}
      <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white">
        {types.data?.map((type) => (
          <li key={type.key} className="flex items-center justify-between gap-4 px-4 py-3">
            <div className="min-w-0">
              <div className="font-medium text-zinc-900">{type.title}</div>
              <div className="text-sm text-zinc-600">{type.description}</div>
              <div className="mt-0.5 font-mono text-xs text-zinc-500">Default trigger: {type.defaultTrigger}{type.inUse > 0 ? ` · ${type.inUse} in use` : ""}</div>
            </div>
            <Button variant="secondary" disabled={create.isPending} onClick={() => create.mutate({ workspaceId, destinationId, key: type.key })}>Add</Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
