import Link from "next/link";
import { PrimaryNav } from "./PrimaryNav";
import { SwitchyardMark } from "./SwitchyardMark";
import { WorkspaceSwitcher, type WorkspaceSummary } from "./WorkspaceSwitcher";

type AppHeaderProps = {
  workspace?: WorkspaceSummary;
  /** Every workspace the user can open, for the switcher; the current one among them. */
  workspaces?: WorkspaceSummary[];
};

export function AppHeader({ workspace, workspaces = [] }: AppHeaderProps) {
  return (
    <header className="border-b border-zinc-200 bg-white">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-2 px-4 sm:gap-3 sm:px-6">
        <Link href="/" className="flex shrink-0 items-center gap-2 rounded-md font-semibold tracking-tight text-zinc-900" aria-label="Switchyard home">
          <SwitchyardMark className="size-7" />
          <span className="hidden sm:inline">Switchyard</span>
        </Link>
        {workspace ? (
          <>
            <span aria-hidden="true" className="text-zinc-300">
              /
            </span>
            <WorkspaceSwitcher current={workspace} workspaces={workspaces.length > 0 ? workspaces : [workspace]} />
            <PrimaryNav workspaceId={workspace.id} />
          </>
        ) : null}
      </div>
    </header>
  );
}
