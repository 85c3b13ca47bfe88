import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { SourcePageView } from "@/components/sources/SourcePageView";
import { getServerCaller } from "@/server/trpc/server-caller";
import { getWorkspace } from "../../get-workspace";
import { publicBaseUrl } from "../../public-base-url";

type SourcePageProps = { params: Promise<{ workspaceId: string; sourceId: string }> };

async function loadSource(workspaceId: string, id: string) {
  try {
    return await getServerCaller().sources.get({ workspaceId, id });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: SourcePageProps): Promise<Metadata> {
  const { workspaceId, sourceId } = await params;
  const workspace = await getWorkspace(workspaceId);
  return { title: (await loadSource(workspace.id, sourceId)).name };
}

export default async function SourcePage({ params }: SourcePageProps) {
  const { workspaceId, sourceId } = await params;
  const workspace = await getWorkspace(workspaceId);
  const source = await loadSource(workspace.id, sourceId);
  return <SourcePageView workspaceId={workspace.id} initialSource={source} baseUrl={publicBaseUrl(await headers())} />;
}
