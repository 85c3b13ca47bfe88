import type { Metadata } from "next";
import { AllowedHostsForm } from "@/components/settings/AllowedHostsForm";
import { getServerCaller } from "@/server/trpc/server-caller";
import { getWorkspace } from "../../get-workspace";

export const metadata: Metadata = { title: "Outbound requests" };

export default async function OutboundSettingsPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const workspace = await getWorkspace((await params).workspaceId);
  const hosts = await getServerCaller().workspaces.allowedPrivateHosts({ workspaceId: workspace.id });
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-zinc-900">Outbound requests</h1>
        <p className="mt-1 max-w-2xl text-sm text-zinc-600">
          Where destinations may send. Switchyard checks every destination URL when it is saved and again before each request.
        </p>
      </div>
      <AllowedHostsForm workspaceId={workspace.id} initialHosts={hosts} />
    </div>
  );
}
