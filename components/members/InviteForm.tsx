"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import type { Role } from "@/components/trpc/router-types";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/trpc-context";
import { Button } from "@/components/ui/Button";
import { ShownOnce } from "@/components/ui/ShownOnce";
import { ROLE_LABELS } from "./role-labels";

export function InviteForm({ workspaceId }: { workspaceId: string }) {
  const id = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<Role>("viewer");
  const create = useMutation(
    trpc.invitations.create.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.invitations.list.queryKey({ workspaceId }) }),
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ workspaceId, role });
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-xl border border-zinc-200 bg-white p-4 shadow-sm sm:p-5">
      <h2 id={`${id}-heading`} className="text-sm font-semibold text-zinc-900">
        Invite someone
      </h2>
      <p className="mt-1 text-sm text-zinc-600">Make a link and send it to them. It works once and expires in 7 days.</p>
      <form onSubmit={submit} className="mt-3 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={`${id}-role`} className="block text-sm font-medium text-zinc-700">
            Role
          </label>
          <select
            id={`${id}-role`}
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
            className="mt-1 h-9 w-56 rounded-md border border-zinc-300 bg-white px-2.5 text-sm shadow-sm"
          >
            {(Object.keys(ROLE_LABELS) as Role[]).map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create invitation link"}
        </Button>
      </form>
      {create.isError ? (
        <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {errorMessage(create.error)}
        </p>
      ) : null}
      {create.data ? (
        <div className="mt-4">
          <ShownOnce
            label={`Invitation link (${ROLE_LABELS[create.data.invitation.role]})`}
            value={`${window.location.origin}/invite/${create.data.token}`}
            note="Copy it now: it is shown only this once."
            testId="invitation-link"
          />
        </div>
      ) : null}
    </section>
  );
}
