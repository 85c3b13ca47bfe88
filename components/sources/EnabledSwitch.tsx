"use client";

import { useMutation } from "@tanstack/react-query";
import type { Source } from "@/components/trpc/router-types";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/trpc-context";
import { useCanEdit } from "@/components/workspace/workspace-role";
import { useSourcesCache } from "./use-sources-cache";

export function EnabledSwitch({ workspaceId, source }: { workspaceId: string; source: Source }) {
  const trpc = useTRPC();
  const cache = useSourcesCache(workspaceId);
  const setEnabled = useMutation(trpc.sources.setEnabled.mutationOptions({ onSuccess: (updated) => cache.put(updated) }));
  const canEdit = useCanEdit();
  const on = source.enabled;

  return (
    <div>
      <div className="flex items-center gap-2">
        <button
          type="button"
          role="switch"
          aria-checked={on}
          aria-label="Enabled"
          title={!canEdit ? (on ? "Accepting events." : "Rejecting events.") : on ? "Accepting events. Click to reject events sent with this key." : "Rejecting events. Click to accept them again."}
          disabled={setEnabled.isPending || !canEdit}
          onClick={() => setEnabled.mutate({ workspaceId, id: source.id, enabled: !on })}
          className={`relative inline-flex h-5 w-9 shrink-0 items-center rounded-full transition-colors disabled:opacity-60 ${on ? "bg-emerald-600" : "bg-zinc-300"}`}
        >
          <span className={`inline-block size-4 rounded-full bg-white shadow transition-transform ${on ? "translate-x-4.5" : "translate-x-0.5"}`} />
        </button>
        <span aria-hidden="true" className={`text-sm ${on ? "text-zinc-800" : "text-zinc-500"}`}>
          {on ? "Enabled" : "Disabled"}
        </span>
      </div>
      {setEnabled.isError ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {errorMessage(setEnabled.error)}
        </p>
      ) : null}
    </div>
  );
}
