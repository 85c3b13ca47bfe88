"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent } from "react";
import type { Source } from "@/components/trpc/router-types";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/trpc-context";
import { Button } from "@/components/ui/Button";
import { CopyButton } from "@/components/ui/CopyButton";
import { parseAllowedOrigins } from "./allowed-origins";
import { globalNameProblem, javascriptSnippet } from "./install-snippets";
import { useSourcesCache } from "./use-sources-cache";

/** The JavaScript snippet of a source, its global name and allowed origins, and a link to its demo page. */
export function InstallPanel({ workspaceId, source }: { workspaceId: string; source: Source }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="group rounded-lg border border-zinc-200 bg-zinc-50/60" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer select-none rounded-lg px-3 py-2 text-sm font-medium text-zinc-800 hover:bg-zinc-100">
        Install on a website
      </summary>
      {open ? <InstallBody workspaceId={workspaceId} source={source} /> : null}
    </details>
  );
}

function InstallBody({ workspaceId, source }: { workspaceId: string; source: Source }) {
  const trpc = useTRPC();
  const publicUrl = useQuery(trpc.sources.publicUrl.queryOptions({ workspaceId }, { staleTime: Infinity }));
  const baseUrl = publicUrl.data?.baseUrl ?? window.location.origin;
  const snippet = javascriptSnippet({ baseUrl, writeKey: source.writeKey, globalName: source.settings.globalName });
  const shownSnippet = useRef<HTMLPreElement>(null);

  return (
    <div className="space-y-4 border-t border-zinc-200 px-3 py-3">
      <div>
        <div className="mb-1.5 flex flex-wrap items-center justify-between gap-2">
          <p className="text-sm text-zinc-600">
            Paste into the <code className="font-mono text-xs">&lt;head&gt;</code> of every page. The SDK loads from this server.
          </p>
          <div className="flex gap-1">
            <CopyButton text={snippet} label={`Copy the snippet of ${source.name}`} what="Snippet" selectOnFailure={shownSnippet} variant="ghost" />
            <a
              href={`/demo/${encodeURIComponent(source.id)}`}
              target="_blank"
              rel="noopener"
              className="inline-flex h-8 items-center rounded-md px-2.5 text-sm font-medium text-indigo-700 hover:bg-indigo-50"
            >
              Open the demo page
            </a>
          </div>
        </div>
        <pre ref={shownSnippet} data-testid="install-snippet" className="max-h-64 overflow-auto rounded-md bg-zinc-900 p-3 font-mono text-xs leading-5 text-zinc-100">
          {snippet}
        </pre>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <GlobalNameForm workspaceId={workspaceId} source={source} />
        <AllowedOriginsForm workspaceId={workspaceId} source={source} />
      </div>
    </div>
  );
}

function useUpdateSettings(workspaceId: string, onError: (message: string) => void) {
  const trpc = useTRPC();
  const cache = useSourcesCache(workspaceId);
  return useMutation(
    trpc.sources.updateSettings.mutationOptions({
      onSuccess: (updated) => cache.put(updated),
      onError: (error) => onError(errorMessage(error)),
    }),
  );
}

function GlobalNameForm({ workspaceId, source }: { workspaceId: string; source: Source }) {
  const id = useId();
  const [draft, setDraft] = useState(source.settings.globalName);
  const [problem, setProblem] = useState<string | null>(null);
  const update = useUpdateSettings(workspaceId, setProblem);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = globalNameProblem(draft.trim());
    if (found) return setProblem(`${found}.`);
    update.mutate({ workspaceId, id: source.id, globalName: draft.trim() });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-1.5">
      <label htmlFor={`${id}-name`} className="block text-sm font-medium text-zinc-800">
        Global name
      </label>
      <p id={`${id}-hint`} className="text-xs text-zinc-500">
        The snippet defines <code className="font-mono">window.{source.settings.globalName}</code>; change it when the page already uses that name.
      </p>
      <div className="flex gap-2">
        <input
          id={`${id}-name`}
          value={draft}
          maxLength={64}
          spellCheck={false}
          onChange={(event) => {
            setDraft(event.target.value);
            setProblem(null);
          }}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-error` : `${id}-hint`}
          className="h-8 min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-2 font-mono text-sm shadow-sm aria-invalid:border-red-500"
        />
        <Button type="submit" size="sm" disabled={update.isPending || draft.trim() === source.settings.globalName}>
          Save
        </Button>
      </div>
      {problem ? (
        <p id={`${id}-error`} className="text-xs text-red-700">
          {problem}
        </p>
      ) : null}
    </form>
  );
}

function AllowedOriginsForm({ workspaceId, source }: { workspaceId: string; source: Source }) {
  const id = useId();
  const saved = source.allowedOrigins.join("\n");
  const [draft, setDraft] = useState(saved);
  const [problem, setProblem] = useState<string | null>(null);
  const update = useUpdateSettings(workspaceId, setProblem);
  const origins = draft.split(/[\s,]+/).filter((line) => line.length > 0);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = parseAllowedOrigins(origins);
    if ("problem" in parsed) return setProblem(`${parsed.problem}.`);
    update.mutate({ workspaceId, id: source.id, allowedOrigins: parsed.origins }, { onSuccess: (updated) => setDraft(updated.allowedOrigins.join("\n")) });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-1.5">
      <label htmlFor={`${id}-origins`} className="block text-sm font-medium text-zinc-800">
        Allowed origins
      </label>
      <p id={`${id}-hint`} className="text-xs text-zinc-500">
        One per line, like https://www.example.com. Leave empty to accept events from any website.
      </p>
      <textarea
        id={`${id}-origins`}
        value={draft}
        rows={3}
        spellCheck={false}
        onChange={(event) => {
          setDraft(event.target.value);
          setProblem(null);
        }}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-error` : `${id}-hint`}
        className="block w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 font-mono text-sm shadow-sm aria-invalid:border-red-500"
      />
      {problem ? (
        <p id={`${id}-error`} className="text-xs text-red-700">
          {problem}
        </p>
      ) : null}
      <Button type="submit" size="sm" disabled={update.isPending || origins.join("\n") === saved}>
        Save origins
      </Button>
    </form>
  );
}
