import type { Metadata } from "next";
import { SourcePageView } from "@/components/sources/SourcePageView";
import { getWorkspace } from "../../get-workspace";
import { configuredPublicUrl } from "@/server/http/public-url";
import { loadSource } from "./load-source";

type SourcePageProps = { params: Promise<{ workspaceId: string; sourceId: string }> };

export async function generateMetadata({ params }: SourcePageProps): Promise<Metadata> {
  const { workspaceId, sourceId } = await params;
  return { title: (await loadSource((await getWorkspace(workspaceId)).id, sourceId)).name };
}

export default async function SourcePage({ params }: SourcePageProps) {
  const { workspaceId, sourceId } = await params;
  const workspace = await getWorkspace(workspaceId);
  const source = await loadSource(workspace.id, sourceId);
  return <SourcePageView workspaceId={workspace.id} initialSource={source} configuredBaseUrl={configuredPublicUrl()} />;
}
