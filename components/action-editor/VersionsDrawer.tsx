"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useState } from "react";
import type { ActionDetail } from "@/components/trpc/router-types";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/trpc-context";
import { Button } from "@/components/ui/Button";

const DiffView = dynamic(() => import("./DiffView"), { ssr: false, loading: () => <p className="text-sm text-zinc-500">Loading the diff…</p> });

type VersionsDrawerProps = { workspaceId: string; action: ActionDetail; onClose(): void; onRestored(action: ActionDetail): void };

const ORIGINS: Record<string, string> = { create: "created", save: "saved", restore: "restored", reset: "reset to default", push: "pushed from files" };

/** Every version with its author and time; a diff of any two; restore one; reset to the default. */
export function VersionsDrawer({ workspaceId, action, onClose, onRestored }: VersionsDrawerProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const history = useQuery(trpc.actions.history.queryOptions({ workspaceId, actionId: action.id }));
  const versions = history.data ?? [];
  const [left, setLeft] = useState<number | null>(null);
  const [right, setRight] = useState<number | null>(null);
  const newest = versions[0]?.version ?? action.version;
  const l = left ?? versions[1]?.version ?? newest;
  const r = right ?? newest;
  const pair = useQuery({ ...trpc.actions.versions.queryOptions({ workspaceId, actionId: action.id, left: l, right: r }), enabled: versions.length > 0 });
  const done = (updated: ActionDetail) => {
    void queryClient.invalidateQueries({ queryKey: trpc.actions.history.queryKey({ workspaceId, actionId: action.id }) });
    setLeft(null);
    setRight(null);
    onRestored(updated);
  };
  const restore = useMutation(trpc.actions.restore.mutationOptions({ onSuccess: done }));
  const reset = useMutation(trpc.actions.reset.mutationOptions({ onSuccess: done }));
  const failure = restore.error ?? reset.error;

  return (
    <aside aria-label="Versions" className="fixed inset-y-0 right-0 z-40 flex w-full max-w-4xl flex-col border-l border-zinc-200 bg-white shadow-xl" data-testid="versions">
      <div className="flex items-center justify-between border-b border-zinc-200 px-4 py-3">
        <h2 className="text-base font-semibold text-zinc-900">Versions of {action.name}</h2>
        <div className="flex gap-2">
          <Button size="sm" variant="secondary" disabled={reset.isPending} onClick={() => reset.mutate({ workspaceId, actionId: action.id })}>Reset to default</Button>
          <Button size="sm" variant="ghost" onClick={onClose}>Close</Button>
        </div>
      </div>
      {failure ? <p role="alert" className="px-4 pt-2 text-sm text-red-700">{errorMessage(failure)}</p> : null}
      <div className="grid min-h-0 flex-1 grid-cols-[16rem_1fr] gap-4 overflow-hidden p-4">
        <ol className="space-y-1 overflow-auto" data-testid="version-list">
          {versions.map((v) => (
            <li key={v.version} className={`rounded-md border px-2.5 py-2 text-sm ${v.version === r ? "border-zinc-900" : v.version === l ? "border-indigo-400" : "border-zinc-200"}`} data-version={v.version}>
              <div className="flex items-center justify-between">
                <span className="font-medium">v{v.version}{v.version === action.version ? " (current)" : ""}</span>
                <span className="text-xs text-zinc-500">{ORIGINS[v.origin] ?? v.origin}</span>
              </div>
              <div className="text-xs text-zinc-500">{v.authorLabel} · {new Date(v.createdAt).toLocaleString()}</div>
              <div className="mt-1 flex gap-2 text-xs">
                <button type="button" className="text-indigo-700 hover:underline" onClick={() => setLeft(v.version)}>Compare as old</button>
                <button type="button" className="text-zinc-700 hover:underline" onClick={() => setRight(v.version)}>as new</button>
                {v.version !== action.version ? (
                  <button type="button" className="ml-auto font-medium text-zinc-900 hover:underline" disabled={restore.isPending} onClick={() => restore.mutate({ workspaceId, actionId: action.id, version: v.version })}>Restore</button>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
        <div className="min-w-0 space-y-2 overflow-auto">
          <p className="text-sm text-zinc-700">Comparing <strong>v{l}</strong> (left) with <strong>v{r}</strong> (right)</p>
          {pair.data ? (
            <>
              {pair.data.left.trigger !== pair.data.right.trigger ? (
                <p className="rounded-md bg-zinc-50 p-2 font-mono text-xs" data-testid="trigger-diff">
                  Trigger: <span className="bg-red-100 line-through">{pair.data.left.trigger}</span> → <span className="bg-emerald-100">{pair.data.right.trigger}</span>
                </p>
              ) : (
                <p className="text-xs text-zinc-500">Trigger unchanged: <span className="font-mono">{pair.data.right.trigger}</span></p>
              )}
              <DiffView original={pair.data.left.mapping} modified={pair.data.right.mapping} />
            </>
          ) : null}
        </div>
      </div>
    </aside>
  );
}
