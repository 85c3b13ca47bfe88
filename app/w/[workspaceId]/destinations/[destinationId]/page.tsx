import type { Metadata } from "next";
import { DestinationPageView } from "@/components/destinations/DestinationPageView";
import { getServerCaller } from "@/server/trpc/server-caller";
import { getWorkspace } from "../../get-workspace";
import { loadDestination } from "./load-destination";

type DestinationPageProps = { params: Promise<{ workspaceId: string; destinationId: string }> };

export async function generateMetadata({ params }: DestinationPageProps): Promise<Metadata> {
  const { workspaceId, destinationId } = await params;
  return { title: (await loadDestination((await getWorkspace(workspaceId)).id, destinationId)).name };
}

export default async function DestinationPage({ params }: DestinationPageProps) {
  const { workspaceId, destinationId } = await params;
  const workspace = await getWorkspace(workspaceId);
  const destination = await loadDestination(workspace.id, destinationId);
  const catalog = await getServerCaller().destinations.catalog();
  return <DestinationPageView workspaceId={workspace.id} initialDestination={destination} entry={catalog.find((e) => e.key === destination.type) ?? null} />;
}
