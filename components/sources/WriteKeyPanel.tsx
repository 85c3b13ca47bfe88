"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Source } from "@/components/trpc/router-types";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/trpc-context";
import { Button } from "@/components/ui/Button";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { WriteKey } from "./WriteKey";

/** The source's write key with copy and rotate; a rotated key replaces the page's copy of the source. */
export function WriteKeyPanel({ workspaceId, source }: { workspaceId: string; source: Source }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const rotate = useMutation(
    trpc.sources.rotateWriteKey.mutationOptions({
      onSuccess: (updated) => {
        queryClient.setQueryData(trpc.sources.get.queryKey({ workspaceId, id: updated.id }), updated);
        void queryClient.invalidateQueries({ queryKey: trpc.sources.list.queryKey({ workspaceId }) });
        setConfirming(false);
      },
    }),
  );

  return (
    <section aria-labelledby="write-key-heading" className="rounded-xl border border-zinc-200 bg-white p-4 shadow-sm sm:p-5">
      <h2 id="write-key-heading" className="text-sm font-semibold text-zinc-900">
        Write key
      </h2>
      <p className="mt-1 text-sm text-zinc-600">SDKs and servers send this source&rsquo;s events with it. Keep it out of public repositories.</p>
      <div className="mt-3">
        <WriteKey key={source.writeKey} writeKey={source.writeKey} sourceName={source.name} />
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1 border-t border-zinc-100 pt-3">
        <Button size="sm" onClick={() => setConfirming(true)}>
          Rotate key
        </Button>
        <span className="text-xs text-zinc-500">If the key leaked: the old one stops working.</span>
      </div>
      <ConfirmDialog
        open={confirming}
        title={`Rotate the write key of “${source.name}”?`}
        confirmLabel="Rotate key"
        pending={rotate.isPending}
        error={rotate.isError ? errorMessage(rotate.error) : null}
        onConfirm={() => rotate.mutate({ workspaceId, id: source.id })}
        onCancel={() => {
          setConfirming(false);
          rotate.reset();
        }}
      >
        A new key replaces the current one, which stops working within seconds. Update every SDK and server that sends with it.
      </ConfirmDialog>
    </section>
  );
}
