import type { Metadata } from "next";
import { SourcesView } from "@/components/sources/SourcesView";
import { SOURCE_KINDS } from "@/server/sources/source-service";
import { getServerCaller } from "@/server/trpc/server-caller";
import { getWorkspace } from "../get-workspace";

export const metadata: Metadata = { title: "Sources" };

export default async function SourcesPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const workspace = await getWorkspace((await params).workspaceId);
  const sources = await getServerCaller().sources.list({ workspaceId: workspace.id });
  return <SourcesView workspaceId={workspace.id} kinds={SOURCE_KINDS} initialSources={sources} />;
}
