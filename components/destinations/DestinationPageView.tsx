"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTRPC } from "@/components/trpc/trpc-context";
import { ActionList } from "./ActionList";
import { DeadLetters } from "./DeadLetters";
import { DeliveriesChart } from "./DeliveriesChart";
import { DeliveryLog } from "./DeliveryLog";
import { DestinationHeader } from "./DestinationHeader";
import type { CatalogEntry, Destination } from "./destination-types";
import { EventTrace } from "./EventTrace";
import { HealthHistory } from "./HealthHistory";
import { Panel } from "./Panel";
import { DestinationSettingsPanel } from "./DestinationSettingsPanel";

type DestinationPageViewProps = { workspaceId: string; initialDestination: Destination; entry: CatalogEntry | null };

export function DestinationPageView({ workspaceId, initialDestination, entry }: DestinationPageViewProps) {
  const id = useId();
  const trpc = useTRPC();
  const { data: destination } = useQuery(
    trpc.destinations.get.queryOptions({ workspaceId, id: initialDestination.id }, { initialData: initialDestination, refetchInterval: 10_000 }),
  );
  const [traceQuery, setTraceQuery] = useState("");

  function trace(position: number) {
    setTraceQuery(String(position));
    document.getElementById("event-trace")?.scrollIntoView({ behavior: "smooth", block: "start" });
  }

  return (
    <div className="space-y-6">
      <DestinationHeader workspaceId={workspaceId} destination={destination} entry={entry} />
      <Panel id={`${id}-chart`} title="Deliveries per minute, last 24 hours">
        <DeliveriesChart workspaceId={workspaceId} destinationId={destination.id} />
      </Panel>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start">
        <div className="min-w-0 space-y-6">
          <Panel id={`${id}-actions`} title="Actions" flush>
            <ActionList workspaceId={workspaceId} destination={destination} />
          </Panel>
          <DeliveryLog workspaceId={workspaceId} destinationId={destination.id} onTrace={trace} />
          <div id="event-trace" className="scroll-mt-4">
            <EventTrace workspaceId={workspaceId} query={traceQuery} onQueryChange={setTraceQuery} />
          </div>
        </div>
        <div className="min-w-0 space-y-6">
          <Panel id={`${id}-settings`} title="Settings">
            <DestinationSettingsPanel workspaceId={workspaceId} destination={destination} entry={entry} />
          </Panel>
          <Panel id={`${id}-health`} title="Health history">
            <HealthHistory workspaceId={workspaceId} destinationId={destination.id} />
          </Panel>
          <DeadLetters workspaceId={workspaceId} destination={destination} onTrace={trace} />
        </div>
      </div>
    </div>
  );
}
