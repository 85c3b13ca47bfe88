import type { ReactNode } from "react";
import { AppHeader } from "@/components/shell/AppHeader";
import { getWorkspace } from "./get-workspace";

type WorkspaceLayoutProps = {
  children: ReactNode;
  params: Promise<{ workspaceId: string }>;
};

export default async function WorkspaceLayout({ children, params }: WorkspaceLayoutProps) {
  const workspace = await getWorkspace((await params).workspaceId);
  return (
    <>
      <AppHeader workspace={workspace} />
      <main id="main" className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
        {children}
      </main>
    </>
  );
}
