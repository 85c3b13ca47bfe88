import Link from "next/link";
import { SwitchyardMark } from "./SwitchyardMark";

type AppHeaderProps = {
  workspace?: { id: string; name: string; region: string };
};

export function AppHeader({ workspace }: AppHeaderProps) {
  return (
    <header className="border-b border-zinc-200 bg-white">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-3 px-4 sm:px-6">
        <Link href="/" className="flex items-center gap-2 rounded-md font-semibold tracking-tight text-zinc-900">
          <SwitchyardMark className="size-7" />
          <span>Switchyard</span>
        </Link>
        {workspace ? (
          <>
            <span aria-hidden="true" className="text-zinc-300">
              /
            </span>
            <span className="flex min-w-0 items-center gap-2">
              <span className="sr-only">Workspace</span>
              <span className="truncate text-sm font-medium text-zinc-700">{workspace.name}</span>
              <span className="hidden rounded bg-zinc-100 px-1.5 py-0.5 text-xs font-medium text-zinc-500 sm:inline">
                <span className="sr-only">Region </span>
                {workspace.region}
              </span>
            </span>
            <nav aria-label="Workspace" className="ml-auto">
              <Link
                href={`/w/${encodeURIComponent(workspace.id)}/sources`}
                aria-current="page"
                className="rounded-md bg-zinc-100 px-3 py-1.5 text-sm font-medium text-zinc-900"
              >
                Sources
              </Link>
            </nav>
          </>
        ) : null}
      </div>
    </header>
  );
}
