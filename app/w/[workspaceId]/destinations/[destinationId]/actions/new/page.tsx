import type { Metadata } from "next";
import { AddActionList } from "@/components/action-editor/AddActionList";
import { getWorkspace } from "../../../../get-workspace";

export const metadata: Metadata = { title: "Add an action" };

export default async function AddActionPage({ params }: { params: Promise<{ workspaceId: string; destinationId: string }> }) {
  const { workspaceId, destinationId } = await params;
  const workspace = await getWorkspace(workspaceId);
  return <AddActionList workspaceId={workspace.id} destinationId={destinationId} />;
}
