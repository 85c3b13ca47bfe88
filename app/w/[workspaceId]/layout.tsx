import type { ReactNode } from "react";
import { AppHeader } from "@/components/shell/AppHeader";
import { getServerCaller } from "@/server/trpc/server-caller";
import { getWorkspace } from "./get-workspace";

type WorkspaceLayoutProps = {
  children: ReactNode;
  params: Promise<{ workspaceId: string }>;
};

export default async function WorkspaceLayout({ children, params }: WorkspaceLayoutProps) {
  const workspace = await getWorkspace((await params).workspaceId);
  const workspaces = await getServerCaller().workspaces.list();
  return (
    <>
      <AppHeader workspace={workspace} workspaces={workspaces} />
      <main id="main" className="mx-auto max-w-7xl px-4 py-6 sm:px-6 sm:py-8">
        {children}
      </main>
    </>
  );
}
