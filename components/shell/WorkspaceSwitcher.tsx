"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import type { MyWorkspace } from "@/components/trpc/router-types";
import { CreateWorkspaceForm } from "./CreateWorkspaceForm";

export type WorkspaceSummary = { id: string; name: string; region: string };

/** The current workspace's name; opens a menu of the others (a disclosure, so it works with a keyboard). */
export function WorkspaceSwitcher({ current, workspaces }: { current: WorkspaceSummary; workspaces: MyWorkspace[] }) {
  const ref = useRef<HTMLDetailsElement>(null);

  useEffect(() => {
    function close(event: MouseEvent | KeyboardEvent) {
      const details = ref.current;
      if (!details?.open) return;
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !details.contains(event.target as Node)) {
        details.open = false;
        if (event instanceof KeyboardEvent) details.querySelector("summary")?.focus();
      }
    }
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, []);

  return (
    <details ref={ref} className="relative min-w-0">
      <summary className="flex min-w-0 cursor-pointer list-none items-center gap-2 rounded-md px-2 py-1 hover:bg-zinc-100 [&::-webkit-details-marker]:hidden">
        <span className="sr-only">Workspace: </span>
        <span className="max-w-[9rem] truncate text-sm font-medium text-zinc-700 sm:max-w-[14rem]">{current.name}</span>
        <span className="hidden rounded bg-zinc-100 px-1.5 py-0.5 text-xs font-medium text-zinc-500 sm:inline">
          <span className="sr-only">Region </span>
          {current.region}
        </span>
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5 shrink-0 text-zinc-400">
          <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      </summary>
      <div className="absolute left-0 top-full z-30 mt-1 w-72 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg">
        <p className="px-2.5 pb-1 pt-1.5 text-xs font-medium uppercase tracking-wide text-zinc-500">Workspaces</p>
        <ul>
          {workspaces.map((w) => (
            <li key={w.id}>
              <Link
                href={`/w/${encodeURIComponent(w.id)}`}
                aria-current={w.id === current.id ? "page" : undefined}
                onClick={() => ref.current?.removeAttribute("open")}
                className="flex items-center justify-between gap-2 rounded-md px-2.5 py-1.5 text-sm text-zinc-800 hover:bg-zinc-100 aria-[current=page]:font-medium"
              >
                <span className="truncate">{w.name}</span>
                <span className="shrink-0 text-xs text-zinc-500">
                  <span className="capitalize">{w.role}</span> · {w.region}
                </span>
              </Link>
            </li>
          ))}
        </ul>
        <div className="mt-1 border-t border-zinc-100 px-2.5 pb-1.5 pt-2">
          <CreateWorkspaceForm />
        </div>
      </div>
    </details>
  );
}
