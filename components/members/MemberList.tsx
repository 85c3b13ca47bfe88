"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Member, Role } from "@/components/trpc/router-types";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/trpc-context";
import { Button } from "@/components/ui/Button";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { ROLE_NAMES } from "./role-labels";

export function MemberList({ workspaceId, initial, currentEmail }: { workspaceId: string; initial: Member[]; currentEmail: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const members = useQuery(trpc.members.list.queryOptions({ workspaceId }, { initialData: initial }));
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.members.list.queryKey({ workspaceId }) });
  const [removing, setRemoving] = useState<Member | null>(null);
  const changeRole = useMutation(trpc.members.changeRole.mutationOptions({ onSettled: refresh }));
  const remove = useMutation(
    trpc.members.remove.mutationOptions({
      onSuccess: () => {
        setRemoving(null);
        refresh();
      },
    }),
  );

  return (
    <section aria-labelledby="members-heading" className="rounded-xl border border-zinc-200 bg-white shadow-sm">
      <h2 id="members-heading" className="border-b border-zinc-200 px-4 py-3 text-sm font-semibold text-zinc-900 sm:px-5">
        Members
      </h2>
      <ul className="divide-y divide-zinc-100">
        {members.data.map((member) => (
          <li key={member.userId} aria-label={member.email} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-5">
            <div className="min-w-0">
              <p className="truncate text-sm font-medium text-zinc-900">
                {member.name} {member.email === currentEmail ? <span className="font-normal text-zinc-500">(you)</span> : null}
              </p>
              <p className="truncate text-sm text-zinc-600">{member.email}</p>
            </div>
            <div className="flex items-center gap-2">
              <label className="sr-only" htmlFor={`role-${member.userId}`}>
                Role of {member.email}
              </label>
              <select
                id={`role-${member.userId}`}
                value={member.role}
                disabled={changeRole.isPending}
                onChange={(e) => changeRole.mutate({ workspaceId, userId: member.userId, role: e.target.value as Role })}
                className="h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm shadow-sm"
              >
                {(Object.keys(ROLE_NAMES) as Role[]).map((r) => (
                  <option key={r} value={r}>
                    {ROLE_NAMES[r]}
                  </option>
                ))}
              </select>
              <Button size="sm" variant="ghost-danger" onClick={() => setRemoving(member)}>
                Remove
              </Button>
            </div>
          </li>
        ))}
      </ul>
      {changeRole.isError ? (
        <p role="alert" className="px-4 pb-3 text-sm text-red-700 sm:px-5">
          {errorMessage(changeRole.error)}
        </p>
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.email ?? ""}?`}
        confirmLabel="Remove member"
        tone="danger"
        pending={remove.isPending}
        error={remove.isError ? errorMessage(remove.error) : null}
        onConfirm={() => removing && remove.mutate({ workspaceId, userId: removing.userId })}
        onCancel={() => {
          setRemoving(null);
          remove.reset();
        }}
      >
        They lose access to this workspace at once, and their API tokens for it stop working.
      </ConfirmDialog>
    </section>
  );
}
