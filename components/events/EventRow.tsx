"use client";

import { useId, useState } from "react";
import { formatRelativeTime } from "@/components/sources/relative-time";
import type { LiveEvent } from "./event-types";
import { eventTitle, eventUser } from "./event-summary";
import { JsonText } from "./JsonText";
import { TypeBadge } from "./TypeBadge";

type EventRowProps = { event: LiveEvent; sourceName?: string; now: number; fresh: boolean };

export function EventRow({ event, sourceName, now, fresh }: EventRowProps) {
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const title = eventTitle(event);
  const user = eventUser(event);
  return (
    <li data-testid="live-event" data-position={event.position} className={fresh ? "animate-[arrive_1.6s_ease-out]" : undefined}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={detailsId}
        onClick={() => setOpen(!open)}
        className="grid w-full grid-cols-[1rem_auto_minmax(0,1fr)_auto] items-center gap-x-3 gap-y-1 px-4 py-2.5 text-left hover:bg-zinc-50 sm:px-5 md:grid-cols-[1rem_auto_minmax(0,1fr)_minmax(0,14rem)_minmax(0,9rem)_6.5rem]"
      >
        <svg viewBox="0 0 16 16" aria-hidden="true" className={`size-4 text-zinc-400 transition-transform ${open ? "rotate-90" : ""}`}>
          <path d="M6 4l4 4-4 4" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <TypeBadge type={event.type} />
        <span className="truncate text-sm font-medium text-zinc-900" title={title}>
          {title}
        </span>
        <span className="col-span-2 col-start-3 row-start-2 truncate text-xs text-zinc-600 md:col-span-1 md:col-start-auto md:row-start-auto md:text-sm" title={user?.id}>
          {user ? (
            <>
              <span className="sr-only">{user.anonymous ? "Anonymous user " : "User "}</span>
              <span className="font-mono text-xs">{user.id}</span>
              {user.anonymous ? <span className="ml-1 text-zinc-400">(anonymous)</span> : null}
            </>
          ) : (
            <span className="text-zinc-400">No user</span>
          )}
        </span>
        <span className="hidden truncate text-sm text-zinc-500 md:block" title={sourceName}>
          {sourceName ?? ""}
        </span>
        <time dateTime={event.receivedAt} title={new Date(event.receivedAt).toLocaleString()} suppressHydrationWarning className="col-start-4 row-start-1 text-right text-xs text-zinc-500 md:col-start-auto md:row-start-auto md:text-sm">
          {formatRelativeTime(event.receivedAt, now)}
        </time>
      </button>
      {open ? (
        <div id={detailsId} className="space-y-2 border-t border-zinc-100 bg-zinc-50/60 px-4 py-3 sm:px-5">
          <dl className="flex flex-wrap gap-x-6 gap-y-1 text-xs text-zinc-600">
            <div className="flex min-w-0 gap-1.5">
              <dt className="font-medium text-zinc-500">messageId</dt>
              <dd className="break-all font-mono text-zinc-800">{event.messageId}</dd>
            </div>
            <div className="flex gap-1.5">
              <dt className="font-medium text-zinc-500">Position</dt>
              <dd className="font-mono text-zinc-800">{event.position}</dd>
            </div>
            <div className="flex gap-1.5">
              <dt className="font-medium text-zinc-500">Received</dt>
              <dd className="text-zinc-800">{new Date(event.receivedAt).toLocaleString()}</dd>
            </div>
          </dl>
          <JsonText value={event.payload} label={`Event ${event.messageId} as JSON`} />
        </div>
      ) : null}
    </li>
  );
}
