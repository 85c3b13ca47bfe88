import type { Metadata } from "next";
import { InvitationList } from "@/components/members/InvitationList";
import { InviteForm } from "@/components/members/InviteForm";
import { MemberList } from "@/components/members/MemberList";
import { getServerCaller } from "@/server/trpc/server-caller";
import { getWorkspace } from "../../get-workspace";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const workspace = await getWorkspace((await params).workspaceId);
  if (workspace.role !== "admin") {
    return (
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-zinc-900">Members</h1>
        <p className="mt-2 text-sm text-zinc-600">Only admins of this workspace manage its members.</p>
      </div>
    );
  }
  const caller = getServerCaller();
  const [members, invitations, status] = await Promise.all([
    caller.members.list({ workspaceId: workspace.id }),
    caller.invitations.list({ workspaceId: workspace.id }),
    caller.auth.status(),
  ]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-zinc-900">Members</h1>
        <p className="mt-1 max-w-2xl text-sm text-zinc-600">
          Viewers read everything but secrets; editors change sources, destinations and actions; admins also manage members.
        </p>
      </div>
      <InviteForm workspaceId={workspace.id} />
      <MemberList workspaceId={workspace.id} initial={members} currentEmail={status.user?.email ?? ""} />
      <InvitationList workspaceId={workspace.id} initial={invitations} />
    </div>
  );
}
