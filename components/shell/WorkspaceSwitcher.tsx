"use client";

import Link from "next/link";
import type { MyWorkspace } from "@/components/trpc/router-types";
import { CreateWorkspaceForm } from "./CreateWorkspaceForm";

/** The current workspace's name, opening a list of the user's workspaces and a form for a new one. */
export function WorkspaceSwitcher({ current, workspaces }: { current: { id: string; name: string }; workspaces: MyWorkspace[] }) {
  return (
    <details className="group relative min-w-0">
      <summary className="flex cursor-pointer list-none items-center gap-1 truncate rounded-md px-1.5 py-1 text-sm font-medium text-zinc-700 hover:bg-zinc-100 [&::-webkit-details-marker]:hidden">
        <span className="truncate">{current.name}</span>
        <span aria-hidden="true" className="text-zinc-400">
          ▾
        </span>
        <span className="sr-only">(switch workspace)</span>
      </summary>
      <div className="absolute left-0 z-20 mt-1 w-72 rounded-lg border border-zinc-200 bg-white p-2 shadow-lg">
        <p className="px-2 pb-1 pt-1 text-xs font-medium uppercase tracking-wide text-zinc-500">Your workspaces</p>
        <ul>
          {workspaces.map((w) => (
            <li key={w.id}>
              <Link
                href={`/w/${encodeURIComponent(w.id)}`}
                aria-current={w.id === current.id ? "page" : undefined}
                className="flex items-center justify-between gap-2 rounded-md px-2 py-1.5 text-sm text-zinc-800 hover:bg-zinc-100 aria-[current=page]:font-semibold"
              >
                <span className="truncate">{w.name}</span>
                <span className="text-xs capitalize text-zinc-500">{w.role}</span>
              </Link>
            </li>
          ))}
        </ul>
        <div className="mt-2 border-t border-zinc-100 px-2 pt-2">
          <CreateWorkspaceForm />
        </div>
      </div>
    </details>
  );
}
