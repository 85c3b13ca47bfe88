import type { Metadata } from "next";
import { AddSourceFlow } from "@/components/sources/AddSourceFlow";
import { SOURCE_KINDS } from "@/server/sources/source-service";
import { getWorkspace } from "../../get-workspace";

export const metadata: Metadata = { title: "Add a source" };

export default async function NewSourcePage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const workspace = await getWorkspace((await params).workspaceId);
  return <AddSourceFlow workspaceId={workspace.id} kinds={SOURCE_KINDS} />;
}
