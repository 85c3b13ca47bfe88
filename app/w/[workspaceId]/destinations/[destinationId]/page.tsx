import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DestinationPageView } from "@/components/destinations/DestinationPageView";
import { getServerCaller } from "@/server/trpc/server-caller";
import { getWorkspace } from "../../get-workspace";

type DestinationPageProps = { params: Promise<{ workspaceId: string; destinationId: string }> };

async function loadDestination(workspaceId: string, id: string) {
  try {
    return await getServerCaller().destinations.get({ workspaceId, id });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: DestinationPageProps): Promise<Metadata> {
  const { workspaceId, destinationId } = await params;
  const workspace = await getWorkspace(workspaceId);
  return { title: (await loadDestination(workspace.id, destinationId)).name };
}

export default async function DestinationPage({ params }: DestinationPageProps) {
  const { workspaceId, destinationId } = await params;
  const workspace = await getWorkspace(workspaceId);
  const destination = await loadDestination(workspace.id, destinationId);
  const catalog = await getServerCaller().destinations.catalog();
  return <DestinationPageView workspaceId={workspace.id} initialDestination={destination} entry={catalog.find((e) => e.key === destination.type) ?? null} />;
}
