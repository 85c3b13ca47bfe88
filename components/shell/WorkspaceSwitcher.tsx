"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import type { MyWorkspace } from "@/components/trpc/router-types";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/trpc-context";
import { Button } from "@/components/ui/Button";

/** The current workspace's name, opening a list of the user's workspaces and a form for a new one. */
export function WorkspaceSwitcher({ current, workspaces }: { current: { id: string; name: string }; workspaces: MyWorkspace[] }) {
  const trpc = useTRPC();
  const [name, setName] = useState("");
  const create = useMutation(trpc.workspaces.create.mutationOptions({ onSuccess: (w) => window.location.assign(`/w/${encodeURIComponent(w.id)}`) }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ name });
  }

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
        <form onSubmit={submit} className="mt-2 border-t border-zinc-100 px-2 pt-2">
          <label htmlFor="new-workspace-name" className="block text-xs font-medium text-zinc-600">
            New workspace
          </label>
          <div className="mt-1 flex gap-2">
            <input
              id="new-workspace-name"
              value={name}
              maxLength={100}
              onChange={(e) => setName(e.target.value)}
              placeholder="Name"
              className="h-8 min-w-0 flex-1 rounded-md border border-zinc-300 px-2 text-sm"
            />
            <Button type="submit" size="sm" variant="primary" disabled={create.isPending}>
              Create
            </Button>
          </div>
          {create.isError ? (
            <p role="alert" className="mt-1 text-xs text-red-700">
              {errorMessage(create.error)}
            </p>
          ) : null}
        </form>
      </div>
    </details>
  );
}
