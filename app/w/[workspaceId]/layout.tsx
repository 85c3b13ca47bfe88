import type { ReactNode } from "react";
import { AppHeader } from "@/components/shell/AppHeader";
import { WorkspaceRoleProvider } from "@/components/workspace/workspace-role";
import { getServerCaller } from "@/server/trpc/server-caller";
import { getWorkspace } from "./get-workspace";

type WorkspaceLayoutProps = {
  children: ReactNode;
  params: Promise<{ workspaceId: string }>;
};

export default async function WorkspaceLayout({ children, params }: WorkspaceLayoutProps) {
  // Signs out visitors and non-members before anything of the workspace renders.
  const workspace = await getWorkspace((await params).workspaceId);
  const caller = getServerCaller();
  const [status, workspaces] = await Promise.all([caller.auth.status(), caller.workspaces.list()]);
  return (
    <WorkspaceRoleProvider role={workspace.role}>
      <AppHeader workspace={workspace} account={status.user ? { email: status.user.email, workspaces } : undefined} />
      <main id="main" className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
        {children}
      </main>
    </WorkspaceRoleProvider>
  );
}
