"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Invitation } from "@/components/trpc/router-types";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/trpc-context";
import { Button } from "@/components/ui/Button";
import { ROLE_NAMES } from "./role-labels";

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function InvitationList({ workspaceId, initial }: { workspaceId: string; initial: Invitation[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invitations = useQuery(trpc.invitations.list.queryOptions({ workspaceId }, { initialData: initial }));
  const revoke = useMutation(
    trpc.invitations.revoke.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.invitations.list.queryKey({ workspaceId }) }),
    }),
  );
  const pending = invitations.data.filter((i) => i.status === "pending");
  return (
    <section aria-labelledby="invitations-heading" className="rounded-xl border border-zinc-200 bg-white shadow-sm">
      <h2 id="invitations-heading" className="border-b border-zinc-200 px-4 py-3 text-sm font-semibold text-zinc-900 sm:px-5">
        Pending invitations
      </h2>
      {pending.length === 0 ? (
        <p className="px-4 py-4 text-sm text-zinc-600 sm:px-5">No pending invitations.</p>
      ) : (
        <ul className="divide-y divide-zinc-100">
          {pending.map((invitation) => (
            <li key={invitation.id} aria-label={`Invitation as ${ROLE_NAMES[invitation.role]}`} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-5">
              <div className="text-sm">
                <span className="font-medium text-zinc-900">{ROLE_NAMES[invitation.role]}</span>
                <span className="text-zinc-500"> · expires {dateFormat.format(new Date(invitation.expiresAt))} UTC</span>
              </div>
              <Button size="sm" variant="ghost-danger" disabled={revoke.isPending} onClick={() => revoke.mutate({ workspaceId, id: invitation.id })}>
                Revoke
              </Button>
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
  );
}
