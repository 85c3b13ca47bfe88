"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/trpc-context";
import { Button } from "@/components/ui/Button";
import { useCanEdit } from "@/components/workspace/workspace-role";
import { DestinationSettingsForm } from "./DestinationSettingsForm";
import type { CatalogEntry, Destination } from "./destination-types";
import { SettingsSummary } from "./SettingsSummary";

/** The destination's settings as read; editors switch to the form, which keeps saved secrets unless replaced. */
export function DestinationSettingsPanel({ workspaceId, destination, entry }: { workspaceId: string; destination: Destination; entry: CatalogEntry | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canEdit = useCanEdit();
  const [editing, setEditing] = useState(false);

  if (editing && entry) {
    return (
      <div className="space-y-3">
        <DestinationSettingsForm
          workspaceId={workspaceId}
          destinationType={destination.type}
          destinationId={destination.id}
          initialValues={destination.settings}
          onSaved={() => {
            setEditing(false);
            void queryClient.invalidateQueries({ queryKey: trpc.destinations.get.queryKey({ workspaceId, id: destination.id }) });
          }}
        />
        <Button variant="ghost" size="sm" onClick={() => setEditing(false)}>
          Cancel
        </Button>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <SettingsSummary destination={destination} entry={entry} />
      {canEdit && entry ? (
        <Button variant="secondary" size="sm" onClick={() => setEditing(true)}>
          Edit settings
        </Button>
      ) : null}
    </div>
  );
}
