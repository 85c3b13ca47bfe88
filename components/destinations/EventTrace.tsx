"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { eventTitle } from "@/components/events/event-summary";
import { TypeBadge } from "@/components/events/TypeBadge";
import { formatRelativeTime } from "@/components/sources/relative-time";
import { useNow } from "@/components/sources/use-now";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/trpc-context";
import { Button } from "@/components/ui/Button";
import type { EventTrace as Trace } from "./destination-types";
import { Panel } from "./Panel";
import { StatusBadge } from "./StatusBadge";
import { formatCount } from "../format/count";

/** A typed query: digits only is an event position, anything else a messageId. */
function targetOf(query: string): { position?: number; messageId?: string } | null {
  const trimmed = query.trim();
  if (!trimmed) return null;
  return /^\d+$/.test(trimmed) ? { position: Number(trimmed) } : { messageId: trimmed };
}

function TraceResult({ trace, now }: { trace: Trace; now: number }) {
  return (
    <div className="space-y-3">
      <div className="flex min-w-0 flex-wrap items-center gap-2 text-sm">
        <TypeBadge type={trace.event.type} />
        <span className="font-medium text-zinc-900">{eventTitle(trace.event)}</span>
        <span className="break-all font-mono text-xs text-zinc-500">{trace.event.messageId}</span>
        <span className="text-xs text-zinc-500">position {trace.event.position}</span>
      </div>
      {trace.destinations.length === 0 ? (
        <p className="text-sm text-zinc-600">No destination is connected to this event&rsquo;s source.</p>
      ) : (
        <ul className="divide-y divide-zinc-100 rounded-lg border border-zinc-200">
          {trace.destinations.map((d) => (
            <li key={d.destinationId} className="px-3 py-2.5">
              <div className="flex min-w-0 flex-wrap items-center gap-2">
                <span className="min-w-0 truncate text-sm font-medium text-zinc-900">{d.name}</span>
                <span className="text-xs text-zinc-500">{d.type}</span>
                <StatusBadge status={d.outcome} className="ml-auto" />
              </div>
              {d.attempts.length > 0 ? (
                <ol className="mt-1.5 space-y-1 text-xs text-zinc-600">
                  {d.attempts.map((a) => (
                    <li key={a.id} className="flex min-w-0 flex-wrap items-center gap-x-2">
                      <StatusBadge status={a.status} />
                      <span className="truncate">{a.actionName}</span>
                      <span className="font-mono">{a.responseStatus === null ? "no response" : `HTTP ${a.responseStatus}`}</span>
                      <span className="tabular-nums">{a.durationMs} ms</span>
                      <time dateTime={a.createdAt} suppressHydrationWarning className="text-zinc-500">
                        {formatRelativeTime(a.createdAt, now)}
                      </time>
                      {a.error ? <span className="w-full break-words text-red-700">{a.error}</span> : null}
                    </li>
                  ))}
                </ol>
              ) : null}
              {d.pendingRetries.map((r) => (
                <p key={r.actionId} className="mt-1 break-words text-xs text-amber-800">
                  Retry {r.attempts + 1} due {new Date(r.nextAttemptAt).toLocaleTimeString()}: {r.lastError}
                </p>
              ))}
              {d.deadLetters.map((l) => (
                <p key={l.id} className="mt-1 break-words text-xs text-red-700">
                  Dead letter after {formatCount(l.attempts, "attempt")}
                  {l.redriven ? " (redriven)" : ""}: {l.error}
                </p>
              ))}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

type EventTraceProps = { workspaceId: string; query: string; onQueryChange: (query: string) => void };

export function EventTrace({ workspaceId, query, onQueryChange }: EventTraceProps) {
  const id = useId();
  const trpc = useTRPC();
  const now = useNow(10_000);
  const [draft, setDraft] = useState(query);
  const [lastQuery, setLastQuery] = useState(query);
  // A trace asked for from the delivery log replaces what was typed.
  if (query !== lastQuery) {
    setLastQuery(query);
    setDraft(query);
  }
  const target = targetOf(query);
  const trace = useQuery(trpc.deliveries.trace.queryOptions({ workspaceId, ...target }, { enabled: target !== null, refetchInterval: 5_000 }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onQueryChange(draft.trim());
  }

  return (
    <Panel id={id} title="Trace an event">
      <form onSubmit={submit} className="flex gap-2">
        <label htmlFor={`${id}-query`} className="sr-only">
          messageId or event position
        </label>
        <input
          id={`${id}-query`}
          value={draft}
          maxLength={200}
          onChange={(event) => setDraft(event.target.value)}
          placeholder="messageId or event position"
          className="h-9 min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-3 font-mono text-sm shadow-sm placeholder:font-sans placeholder:text-zinc-400"
        />
        <Button type="submit">Trace</Button>
      </form>
      <div className="mt-4">
        {target === null ? (
          <p className="text-sm text-zinc-600">Follow one event through every destination of the workspace: each attempt, retry and dead letter. Paste its messageId, or pick an event in the delivery log.</p>
        ) : trace.isPending ? (
          <p className="text-sm text-zinc-500">Tracing…</p>
        ) : trace.isError ? (
          <p role="alert" className="text-sm text-red-700">
            {errorMessage(trace.error)}
          </p>
        ) : trace.data.length === 0 ? (
          <p className="text-sm text-zinc-600">No event with this {target.position !== undefined ? "position" : "messageId"} in this workspace.</p>
        ) : (
          <div className="space-y-5">
            {trace.data.map((t) => (
              <TraceResult key={t.event.position} trace={t} now={now} />
            ))}
          </div>
        )}
      </div>
    </Panel>
  );
}
