import type { Metadata } from "next";
import { TokensView } from "@/components/tokens/TokensView";
import { getServerCaller } from "@/server/trpc/server-caller";
import { getWorkspace } from "../../get-workspace";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const workspace = await getWorkspace((await params).workspaceId);
  const tokens = await getServerCaller().tokens.list({ workspaceId: workspace.id });
  return <TokensView workspaceId={workspace.id} initial={tokens} showOwner={workspace.role === "admin"} />;
}
