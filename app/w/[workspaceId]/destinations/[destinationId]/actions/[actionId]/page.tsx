import type { Metadata } from "next";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { ActionEditor } from "@/components/action-editor/ActionEditor";
import { getServerCaller } from "@/server/trpc/server-caller";
import { getWorkspace } from "../../../../get-workspace";

export const metadata: Metadata = { title: "Action editor" };

type Params = Promise<{ workspaceId: string; destinationId: string; actionId: string }>;

export default async function ActionEditorPage({ params }: { params: Params }) {
  const { workspaceId, destinationId, actionId } = await params;
  const workspace = await getWorkspace(workspaceId);
  let action;
  try {
    action = await getServerCaller().actions.get({ workspaceId: workspace.id, actionId });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  if (action.destination.id !== destinationId) notFound();
  return <ActionEditor workspaceId={workspace.id} initialAction={action} />;
}
