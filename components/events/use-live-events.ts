"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/trpc-context";
import type { EventType, LiveEvent } from "./event-types";
import { LIVE_EVENTS_KEPT, appendOlder, mergeNewer } from "./live-events-list";

export type LiveStatus = "loading" | "live" | "paused" | "error";

type LiveState = {
  events: LiveEvent[];
  /** Positions that arrived while the list was showing (to highlight them). */
  arrived: Set<number>;
  olderBefore: number | null;
  status: LiveStatus;
  error: string | null;
};

/** How long the server holds a poll open waiting for a new event (it answers at once when one arrives). */
const LONG_POLL_MS = 8_000;

const tabHidden = () => document.visibilityState === "hidden";

const INITIAL: LiveState = { events: [], arrived: new Set(), olderBefore: null, status: "loading", error: null };

/**
 * The newest events of a source (or workspace), kept up to date by long polling with the last
 * cursor (the server answers as soon as an event arrives), `intervalMs` apart; polling stops
 * while the tab is hidden and resumes when it shows again.
 */
export function useLiveEvents(input: { workspaceId: string; sourceId?: string; type?: EventType; text?: string }, intervalMs = 100) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>(INITIAL);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const keep = useRef(LIVE_EVENTS_KEPT);
  const { workspaceId, sourceId, type, text } = input;

  const fetchPage = useCallback(
    (position: { afterPosition?: number; beforePosition?: number; waitMs?: number }) =>
      queryClient.fetchQuery(trpc.events.live.queryOptions({ workspaceId, sourceId, type, text: text || undefined, ...position }, { staleTime: 0, gcTime: 0, retry: false })),
    [queryClient, trpc, workspaceId, sourceId, type, text],
  );

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cursor: number | null = null;
    let running = false;
    keep.current = LIVE_EVENTS_KEPT;
    setState(INITIAL);

    async function poll() {
      timer = undefined;
      if (stopped || running) return;
      if (tabHidden()) {
        setState((s) => ({ ...s, status: "paused" }));
        return;
      }
      running = true;
      let delay = intervalMs;
      try {
        const first = cursor === null;
        const page = await fetchPage(first ? {} : { afterPosition: cursor ?? 0, waitMs: LONG_POLL_MS });
        if (stopped) return;
        cursor = page.cursor;
        setState((s) => {
          if (first) return { events: page.events, arrived: new Set(), olderBefore: page.olderBefore, status: "live", error: null };
          if (page.events.length === 0) return s.status === "live" ? s : { ...s, status: "live", error: null };
          const merged = mergeNewer(s.events, page.events, keep.current);
          const last = merged.events[merged.events.length - 1];
          return {
            events: merged.events,
            arrived: new Set(page.events.map((e) => e.position)),
            olderBefore: merged.trimmed && last ? last.position : s.olderBefore,
            status: "live",
            error: null,
          };
        });
      } catch (error) {
        if (stopped) return;
        delay = Math.max(intervalMs, 2_000);
        setState((s) => ({ ...s, status: "error", error: errorMessage(error) }));
      } finally {
        running = false;
      }
      if (!stopped && !tabHidden()) timer = setTimeout(() => void poll(), delay);
    }

    function onVisibility() {
      if (!tabHidden() && timer === undefined) void poll();
    }

    document.addEventListener("visibilitychange", onVisibility);
    void poll();
    return () => {
      stopped = true;
      void queryClient.cancelQueries({ queryKey: trpc.events.live.pathKey() });
      if (timer !== undefined) clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [fetchPage, intervalMs, queryClient, trpc]);

  const loadOlder = useCallback(async () => {
    if (state.olderBefore === null) return;
    setLoadingOlder(true);
    try {
      const page = await fetchPage({ beforePosition: state.olderBefore });
      keep.current += page.events.length;
      setState((s) => ({ ...s, events: appendOlder(s.events, page.events), olderBefore: page.olderBefore }));
    } catch (error) {
      setState((s) => ({ ...s, error: errorMessage(error) }));
    } finally {
      setLoadingOlder(false);
    }
  }, [fetchPage, state.olderBefore]);

  return { ...state, loadingOlder, loadOlder };
}
