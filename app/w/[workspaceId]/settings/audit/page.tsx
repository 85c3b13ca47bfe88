import type { Metadata } from "next";
import { AuditLogView } from "@/components/audit/AuditLogView";
import { getServerCaller } from "@/server/trpc/server-caller";
import { getWorkspace } from "../../get-workspace";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditLogPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const workspace = await getWorkspace((await params).workspaceId);
  const firstPage = await getServerCaller().audit.list({ workspaceId: workspace.id, limit: PAGE_SIZE });
  return <AuditLogView workspaceId={workspace.id} pageSize={PAGE_SIZE} firstPage={firstPage} />;
}

const PAGE_SIZE = 50;
