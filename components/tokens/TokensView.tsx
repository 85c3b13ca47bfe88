"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import type { ApiToken } from "@/components/trpc/router-types";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/trpc-context";
import { Button } from "@/components/ui/Button";
import { ShownOnce } from "@/components/ui/ShownOnce";

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const when = (iso: string | null) => (iso ? `${dateFormat.format(new Date(iso))} UTC` : "never");

export function TokensView({ workspaceId, initial, showOwner }: { workspaceId: string; initial: ApiToken[]; showOwner: boolean }) {
  const id = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tokens = useQuery(trpc.tokens.list.queryOptions({ workspaceId }, { initialData: initial }));
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.tokens.list.queryKey({ workspaceId }) });
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string | null>(null);
  const create = useMutation(
    trpc.tokens.create.mutationOptions({
      onSuccess: () => {
        setName("");
        refresh();
      },
      onError: (error) => {
        if (error.data?.code === "BAD_REQUEST") setNameError(error.message);
      },
    }),
  );
  const revoke = useMutation(trpc.tokens.revoke.mutationOptions({ onSettled: refresh }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (name.trim() === "") return setNameError("A token needs a name.");
    create.mutate({ workspaceId, name });
  }

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-zinc-900">API tokens</h1>
        <p className="mt-1 max-w-2xl text-sm text-zinc-600">
          For the CLI and automation: a token acts as you, with your role in this workspace, and only in this workspace. Use
          it as <code className="font-mono text-[0.8125rem]">SWITCHYARD_TOKEN</code> with{" "}
          <code className="font-mono text-[0.8125rem]">SWITCHYARD_URL</code>, or send it as{" "}
          <code className="font-mono text-[0.8125rem]">Authorization: Bearer …</code>.
        </p>
      </div>
      <section aria-labelledby={`${id}-heading`} className="rounded-xl border border-zinc-200 bg-white p-4 shadow-sm sm:p-5">
        <h2 id={`${id}-heading`} className="text-sm font-semibold text-zinc-900">
          Create a token
        </h2>
        <form onSubmit={submit} noValidate className="mt-3 flex flex-wrap items-start gap-3">
          <div className="min-w-0 flex-1 basis-64">
            <label htmlFor={`${id}-name`} className="block text-sm font-medium text-zinc-700">
              Token name
            </label>
            <input
              id={`${id}-name`}
              value={name}
              maxLength={100}
              placeholder="e.g. CI deploy, laptop CLI"
              onChange={(e) => {
                setName(e.target.value);
                setNameError(null);
              }}
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? `${id}-error` : undefined}
              className="mt-1 h-9 w-full rounded-md border border-zinc-300 bg-white px-3 text-sm shadow-sm placeholder:text-zinc-400 aria-invalid:border-red-500"
            />
            {nameError ? (
              <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
                {nameError}
              </p>
            ) : null}
          </div>
          <Button type="submit" variant="primary" disabled={create.isPending} className="sm:mt-6">
            {create.isPending ? "Creating…" : "Create token"}
          </Button>
        </form>
        {create.isError && create.error.data?.code !== "BAD_REQUEST" ? (
          <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {errorMessage(create.error)}
          </p>
        ) : null}
        {create.data ? (
          <div className="mt-4">
            <ShownOnce label={`Token “${create.data.apiToken.name}”`} value={create.data.token} note="Copy it now: it is shown only this once. Only its hash is stored." testId="new-token" />
          </div>
        ) : null}
      </section>
      <section aria-labelledby="tokens-heading" className="rounded-xl border border-zinc-200 bg-white shadow-sm">
        <h2 id="tokens-heading" className="border-b border-zinc-200 px-4 py-3 text-sm font-semibold text-zinc-900 sm:px-5">
          {showOwner ? "Tokens of this workspace" : "Your tokens"}
        </h2>
        {tokens.data.length === 0 ? (
          <p className="px-4 py-4 text-sm text-zinc-600 sm:px-5">No tokens yet.</p>
        ) : (
          <ul className="divide-y divide-zinc-100">
            {tokens.data.map((token) => (
              <li key={token.id} aria-label={token.name} className={`flex flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-5 ${token.revokedAt ? "bg-zinc-50/70" : ""}`}>
                <div className="min-w-0 text-sm">
                  <p className="font-medium text-zinc-900">
                    {token.name} <code className="ml-1 rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-700">{token.prefix}…</code>
                  </p>
                  <p className="text-zinc-600">
                    {showOwner ? `${token.owner.email} · ` : ""}created {when(token.createdAt)} · last used {when(token.lastUsedAt)}
                  </p>
                </div>
                {token.revokedAt ? (
                  <span className="text-sm text-zinc-500">Revoked</span>
                ) : (
                  <Button size="sm" variant="ghost-danger" disabled={revoke.isPending} onClick={() => revoke.mutate({ workspaceId, id: token.id })}>
                    Revoke
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
        {revoke.isError ? (
          <p role="alert" className="px-4 pb-3 text-sm text-red-700 sm:px-5">
            {errorMessage(revoke.error)}
          </p>
        ) : null}
      </section>
    </div>
  );
}
