import type { Metadata } from "next";
import { CanvasView } from "@/components/canvas/CanvasView";
import { getServerCaller } from "@/server/trpc/server-caller";
import { getWorkspace } from "./get-workspace";

export const metadata: Metadata = { title: "Connections" };

type ConnectionsPageProps = {
  params: Promise<{ workspaceId: string }>;
  searchParams: Promise<{ selected?: string | string[] }>;
};

export default async function ConnectionsPage({ params, searchParams }: ConnectionsPageProps) {
  const workspace = await getWorkspace((await params).workspaceId);
  const { selected } = await searchParams;
  const graph = await getServerCaller().canvas.graph({ workspaceId: workspace.id });
  return <CanvasView key={workspace.id} workspaceId={workspace.id} initialGraph={graph} focusNodeId={typeof selected === "string" ? selected : null} />;
}
