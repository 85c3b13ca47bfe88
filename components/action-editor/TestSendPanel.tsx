"use client";

import { useMutation } from "@tanstack/react-query";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/trpc-context";
import { Button } from "@/components/ui/Button";
import { prettyBody } from "./PreviewPanel";

type TestSendPanelProps = { workspaceId: string; actionId: string; destinationName: string; trigger: string; mapping: string; event: Record<string, unknown> | null };

/** Sends the sample through this action to the real destination, now, and shows its answer. */
export function TestSendPanel({ workspaceId, actionId, destinationName, trigger, mapping, event }: TestSendPanelProps) {
  const trpc = useTRPC();
  const send = useMutation(trpc.actions.testSend.mutationOptions());
  const result = send.data;
  const attempt = result?.attempts.at(-1);
  return (
    <section aria-labelledby="test-send-heading" className="rounded-lg border border-amber-300 bg-amber-50/40 p-3" data-testid="test-send">
      <div className="flex items-center justify-between gap-2">
        <div>
          <h2 id="test-send-heading" className="text-sm font-semibold text-zinc-900">Test-send</h2>
          <p className="text-xs font-medium text-amber-800">Sends a real request to {destinationName}</p>
        </div>
        <Button variant="secondary" size="sm" disabled={!event || send.isPending} onClick={() => event && send.mutate({ workspaceId, actionId, trigger, mapping, event })}>
          {send.isPending ? "Sending…" : "Send this sample now"}
        </Button>
      </div>
      {send.isError ? <p role="alert" className="mt-2 text-sm text-red-700">{errorMessage(send.error)}</p> : null}
      {result ? (
        <div className="mt-2 space-y-2 text-xs" data-testid="test-send-result">
          <p className={`font-medium ${result.outcome?.status === "delivered" ? "text-emerald-700" : "text-red-700"}`}>
            {result.outcome?.status === "delivered" ? "✓ Delivered" : result.outcome ? `✗ ${result.outcome.message}` : `Not sent: ${result.notSent ?? ""}`}
          </p>
          {attempt ? (
            <>
              <div className="rounded-md bg-white p-2 font-mono">
                <div className="font-semibold">{attempt.request.method} {attempt.request.url}</div>
                <pre className="mt-1 max-h-32 overflow-auto whitespace-pre-wrap break-all">{prettyBody(attempt.request.body)}</pre>
              </div>
              <div className="rounded-md bg-white p-2 font-mono" data-testid="test-send-response">
                <div className="font-semibold">Response: {attempt.response ? attempt.response.status : attempt.error} <span className="font-normal text-zinc-500">({attempt.durationMs} ms)</span></div>
                <pre className="mt-1 max-h-32 overflow-auto whitespace-pre-wrap break-all">{attempt.response ? prettyBody(attempt.response.body) : ""}</pre>
              </div>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
