"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/trpc-context";
import { Button } from "@/components/ui/Button";

type AllowedHostsFormProps = { workspaceId: string; initialHosts: string[] };

/** One host a line: what an admin lets destinations reach although it resolves to a private address. */
export function AllowedHostsForm({ workspaceId, initialHosts }: AllowedHostsFormProps) {
  const trpc = useTRPC();
  const [draft, setDraft] = useState(initialHosts.join("\n"));
  const [saved, setSaved] = useState(initialHosts);
  const [error, setError] = useState<string | null>(null);
  const save = useMutation(
    trpc.workspaces.setAllowedPrivateHosts.mutationOptions({
      onSuccess: (hosts) => {
        setSaved(hosts);
        setDraft(hosts.join("\n"));
      },
      onError: (failure) => setError(errorMessage(failure)),
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    save.mutate({ workspaceId, hosts: draft.split(/[\s,]+/).filter((host) => host !== "") });
  }

  return (
    <form onSubmit={submit} noValidate className="max-w-xl space-y-3 rounded-lg border border-zinc-200 bg-white p-5 shadow-sm">
      <div>
        <label htmlFor="allowed-hosts" className="text-sm font-medium text-zinc-900">
          Allowed private hosts
        </label>
        <p id="allowed-hosts-help" className="mt-1 text-sm text-zinc-600">
          Destinations may not send to URLs that resolve to private, loopback or link-local addresses (your network, this
          machine, cloud metadata). List the hosts they may reach anyway, one a line, as they appear in URLs:{" "}
          <code className="font-mono text-[0.8125rem]">hooks.internal</code>, <code className="font-mono text-[0.8125rem]">10.0.0.5</code>,{" "}
          <code className="font-mono text-[0.8125rem]">localhost:8080</code>.
        </p>
      </div>
      <textarea
        id="allowed-hosts"
        value={draft}
        rows={5}
        spellCheck={false}
        onChange={(event) => {
          setDraft(event.target.value);
          setError(null);
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "allowed-hosts-help allowed-hosts-error" : "allowed-hosts-help"}
        className="w-full rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-sm shadow-sm aria-invalid:border-red-500"
      />
      {error ? (
        <p id="allowed-hosts-error" role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save"}
        </Button>
        {save.isSuccess && draft === saved.join("\n") ? (
          <span role="status" className="text-sm text-zinc-600">
            Saved.
          </span>
        ) : null}
      </div>
    </form>
  );
}
