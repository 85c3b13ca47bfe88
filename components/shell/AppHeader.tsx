import Link from "next/link";
import { SignOutButton } from "@/components/auth/SignOutButton";
import type { MyWorkspace, Role } from "@/components/trpc/router-types";
import { SwitchyardMark } from "./SwitchyardMark";
import { WorkspaceNav } from "./WorkspaceNav";
import { WorkspaceSwitcher } from "./WorkspaceSwitcher";

type AppHeaderProps = {
  workspace?: { id: string; name: string; region: string; role: Role };
  /** The signed-in user and their workspaces (for the switcher). */
  account?: { email: string; workspaces: MyWorkspace[] };
};

export function AppHeader({ workspace, account }: AppHeaderProps) {
  return (
    <header className="border-b border-zinc-200 bg-white">
      <div className="mx-auto flex min-h-14 max-w-7xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 sm:px-6">
        <Link href="/" className="flex items-center gap-2 rounded-md font-semibold tracking-tight text-zinc-900">
          <SwitchyardMark className="size-7" />
          <span className="hidden sm:inline">Switchyard</span>
        </Link>
        {workspace ? (
          <>
            <span aria-hidden="true" className="text-zinc-300">
              /
            </span>
            <span className="flex min-w-0 items-center gap-2">
              <WorkspaceSwitcher current={workspace} workspaces={account ? account.workspaces : []} />
              {workspace.role !== "admin" ? (
                <span className="rounded bg-amber-50 px-1.5 py-0.5 text-xs font-medium text-amber-800" title="Your role in this workspace">
                  {workspace.role === "viewer" ? "Viewer" : "Editor"}
                </span>
              ) : null}
            </span>
            <WorkspaceNav workspaceId={workspace.id} role={workspace.role} />
          </>
        ) : null}
        {account ? (
          <div className={`flex items-center gap-2 ${workspace ? "" : "ml-auto"}`}>
            <span className="hidden max-w-48 truncate text-sm text-zinc-600 md:inline" title="Signed in as">
              {account.email}
            </span>
            <SignOutButton />
          </div>
        ) : null}
      </div>
    </header>
  );
}
