"use client";

import { useDeferredValue, useId, useState } from "react";
import { useNow } from "@/components/sources/use-now";
import { Button } from "@/components/ui/Button";
import { EventRow } from "./EventRow";
import { EVENT_TYPE_OPTIONS, type EventType } from "./event-types";
import { useLiveEvents, type LiveStatus } from "./use-live-events";

type LiveEventsProps = {
  workspaceId: string;
  sourceId?: string;
  /** Source names by id, to say where each event came from. */
  sourceNames: Record<string, string>;
  /** What to do when nothing has arrived yet. */
  emptyHint: string;
};

const STATUS_TEXT: Record<LiveStatus, string> = { loading: "Connecting…", live: "Live", paused: "Paused while this tab is hidden", error: "Reconnecting…" };

export function LiveEvents({ workspaceId, sourceId, sourceNames, emptyHint }: LiveEventsProps) {
  const id = useId();
  const [type, setType] = useState<EventType | "">("");
  const [search, setSearch] = useState("");
  const text = useDeferredValue(search.trim());
  const live = useLiveEvents({ workspaceId, sourceId, type: type || undefined, text });
  const now = useNow(10_000);
  const filtered = type !== "" || text !== "";

  return (
    <section aria-labelledby={`${id}-heading`} className="overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-sm">
      <div className="flex flex-wrap items-center gap-3 border-b border-zinc-200 px-4 py-3 sm:px-5">
        <h2 id={`${id}-heading`} className="text-sm font-semibold text-zinc-900">
          Live events
        </h2>
        <span role="status" className="flex items-center gap-1.5 text-xs text-zinc-600">
          <span aria-hidden="true" className={`size-2 rounded-full ${live.status === "live" ? "animate-pulse bg-emerald-500" : live.status === "error" ? "bg-amber-500" : "bg-zinc-300"}`} />
          {STATUS_TEXT[live.status]}
        </span>
        <div className="flex w-full flex-wrap gap-2 sm:ml-auto sm:w-auto">
          <label htmlFor={`${id}-type`} className="sr-only">
            Event type
          </label>
          <select
            id={`${id}-type`}
            value={type}
            onChange={(event) => setType(EVENT_TYPE_OPTIONS.find((t) => t === event.target.value) ?? "")}
            className="h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm shadow-sm"
          >
            <option value="">All types</option>
            {EVENT_TYPE_OPTIONS.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-search`} className="sr-only">
            Search events
          </label>
          <input
            id={`${id}-search`}
            type="search"
            value={search}
            maxLength={200}
            onChange={(event) => setSearch(event.target.value)}
            placeholder="Search events"
            title="Matches the event name, userId, anonymousId, messageId and properties"
            className="h-8 min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-2.5 text-sm shadow-sm placeholder:text-zinc-400 sm:w-72 sm:flex-none"
          />
        </div>
      </div>
      {live.error ? (
        <p role="alert" className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900 sm:px-5">
          Live updates failed: {live.error}. Trying again.
        </p>
      ) : null}
      {live.status === "loading" && live.events.length === 0 ? (
        <p className="px-5 py-10 text-center text-sm text-zinc-500">Loading events…</p>
      ) : live.events.length === 0 ? (
        <div className="px-5 py-10 text-center">
          <p className="text-sm font-medium text-zinc-900">{filtered ? "No events match these filters" : "No events yet"}</p>
          <p className="mx-auto mt-1 max-w-md text-sm text-zinc-600">
            {filtered ? "Clear the search or choose another type. New events that match appear here as they arrive." : emptyHint}
          </p>
        </div>
      ) : (
        <ul aria-label="Events, newest first" className="divide-y divide-zinc-100">
          {live.events.map((event) => (
            <EventRow key={event.position} event={event} sourceName={sourceNames[event.sourceId]} now={now} fresh={live.arrived.has(event.position)} />
          ))}
        </ul>
      )}
      {live.olderBefore !== null ? (
        <div className="border-t border-zinc-100 px-4 py-3 text-center sm:px-5">
          <Button size="sm" onClick={() => void live.loadOlder()} disabled={live.loadingOlder}>
            {live.loadingOlder ? "Loading…" : "Load older events"}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
