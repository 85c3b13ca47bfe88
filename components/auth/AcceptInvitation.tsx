"use client";

import { useMutation } from "@tanstack/react-query";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/trpc-context";
import { Button } from "@/components/ui/Button";

export function AcceptInvitation({ token, email }: { token: string; email: string }) {
  const trpc = useTRPC();
  const accept = useMutation(
    trpc.invitations.accept.mutationOptions({ onSuccess: ({ workspaceId }) => window.location.assign(`/w/${encodeURIComponent(workspaceId)}`) }),
  );
  return (
    <div className="space-y-4">
      <p className="text-sm text-zinc-600">
        Signed in as <span className="font-medium text-zinc-900">{email}</span>.
      </p>
      {accept.isError ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {errorMessage(accept.error)}
        </p>
      ) : null}
      <Button variant="primary" className="w-full" disabled={accept.isPending || accept.isSuccess} onClick={() => accept.mutate({ token })}>
        {accept.isPending || accept.isSuccess ? "Joining…" : "Accept invitation"}
      </Button>
    </div>
  );
}
