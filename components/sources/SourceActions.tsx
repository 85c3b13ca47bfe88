"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type RefObject } from "react";
import type { Source } from "@/components/trpc/router-types";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/trpc-context";
import { Button } from "@/components/ui/Button";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { useCanEdit } from "@/components/workspace/workspace-role";
import { useSourcesCache } from "./use-sources-cache";

type SourceActionsProps = {
  workspaceId: string;
  source: Source;
  renameButton: RefObject<HTMLButtonElement | null>;
  renaming: boolean;
  onRename: () => void;
};

export function SourceActions({ workspaceId, source, renameButton, renaming, onRename }: SourceActionsProps) {
  const trpc = useTRPC();
  const canEdit = useCanEdit();
  const cache = useSourcesCache(workspaceId);
  const [confirming, setConfirming] = useState<"rotate" | "delete" | null>(null);
  const rotate = useMutation(
    trpc.sources.rotateWriteKey.mutationOptions({
      onSuccess: (updated) => {
        cache.put(updated);
        setConfirming(null);
      },
    }),
  );
  const remove = useMutation(
    trpc.sources.delete.mutationOptions({
      onSuccess: ({ id }) => {
        setConfirming(null);
        cache.remove(id);
      },
    }),
  );

  function cancel() {
    setConfirming(null);
    rotate.reset();
    remove.reset();
  }

  if (!canEdit) return null;
  return (
    <div className="-ml-2.5 flex flex-wrap gap-1 md:ml-0 md:justify-end">
      <Button ref={renameButton} size="sm" variant="ghost" onClick={onRename} disabled={renaming}>
        Rename
      </Button>
      <Button size="sm" variant="ghost" onClick={() => setConfirming("rotate")}>
        Rotate key
      </Button>
      <Button size="sm" variant="ghost-danger" onClick={() => setConfirming("delete")}>
        Delete
      </Button>

      <ConfirmDialog
        open={confirming === "rotate"}
        title={`Rotate the write key of “${source.name}”?`}
        confirmLabel="Rotate key"
        pending={rotate.isPending}
        error={rotate.isError ? errorMessage(rotate.error) : null}
        onConfirm={() => rotate.mutate({ workspaceId, id: source.id })}
        onCancel={cancel}
      >
        A new key replaces the current one, which stops working within seconds. Update every SDK and server that sends
        with it.
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming === "delete"}
        title={`Delete “${source.name}”?`}
        confirmLabel="Delete source"
        tone="danger"
        pending={remove.isPending}
        error={remove.isError ? errorMessage(remove.error) : null}
        onConfirm={() => remove.mutate({ workspaceId, id: source.id })}
        onCancel={cancel}
      >
        Events sent with its write key will be rejected. The events it already sent stay in the event log.
      </ConfirmDialog>
    </div>
  );
}
