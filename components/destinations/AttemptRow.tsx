"use client";

import { useId, useState } from "react";
import { eventTitle } from "@/components/events/event-summary";
import { formatRelativeTime } from "@/components/sources/relative-time";
import { AttemptDetails } from "./AttemptDetails";
import type { Attempt } from "./destination-types";
import { StatusBadge } from "./StatusBadge";
import { formatCount } from "../format/count";

export function AttemptRow({ attempt, now, onTrace }: { attempt: Attempt; now: number; onTrace: (position: number) => void }) {
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const first = attempt.events[0];
  const title = first ? eventTitle(first) : formatCount(attempt.eventCount, "event");
  const more = attempt.eventCount - (first ? 1 : attempt.eventCount);
  return (
    <li data-testid="delivery-attempt">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={detailsId}
        onClick={() => setOpen(!open)}
        className="grid w-full grid-cols-[1rem_5.5rem_minmax(0,1fr)_auto] items-center gap-x-3 gap-y-1 px-4 py-2.5 text-left hover:bg-zinc-50 sm:px-5 md:grid-cols-[1rem_5.5rem_minmax(0,1fr)_minmax(0,10rem)_4rem_4.5rem_6.5rem]"
      >
        <svg viewBox="0 0 16 16" aria-hidden="true" className={`size-4 text-zinc-400 transition-transform ${open ? "rotate-90" : ""}`}>
          <path d="M6 4l4 4-4 4" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <StatusBadge status={attempt.status} className="w-fit" />
        <span className="min-w-0 truncate text-sm font-medium text-zinc-900" title={title}>
          {title}
          {more > 0 ? <span className="ml-1.5 font-normal text-zinc-500">+{more} more</span> : null}
        </span>
        <span className="col-start-3 truncate text-xs text-zinc-600 md:col-start-auto md:text-sm" title={attempt.actionName}>
          {attempt.actionName}
        </span>
        <span className="hidden font-mono text-xs text-zinc-700 md:block md:text-right">{attempt.responseStatus ?? "—"}</span>
        <span className="hidden text-xs tabular-nums text-zinc-600 md:block md:text-right md:text-sm">{attempt.durationMs} ms</span>
        <time
          dateTime={attempt.createdAt}
          title={new Date(attempt.createdAt).toLocaleString()}
          suppressHydrationWarning
          className="col-start-4 row-start-1 text-right text-xs text-zinc-500 md:col-start-auto md:row-start-auto md:text-sm"
        >
          {formatRelativeTime(attempt.createdAt, now)}
        </time>
        <span className="col-start-3 text-xs text-zinc-500 md:hidden">
          {attempt.responseStatus === null ? "no response" : `HTTP ${attempt.responseStatus}`} · {attempt.durationMs} ms
        </span>
      </button>
      {open ? (
        <div id={detailsId}>
          <AttemptDetails attempt={attempt} onTrace={onTrace} />
        </div>
      ) : null}
    </li>
  );
}
