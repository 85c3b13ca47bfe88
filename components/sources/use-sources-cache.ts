"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import type { Source } from "@/components/trpc/router-types";
import { useTRPC } from "@/components/trpc/trpc-context";

/** Writes a mutation's answer into the cached source list, so the page updates without a refetch. */
export function useSourcesCache(workspaceId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMemo(() => {
    const queryKey = trpc.sources.list.queryKey({ workspaceId });
    return {
      put(source: Source) {
        queryClient.setQueryData(queryKey, (list = []) =>
          list.some((s) => s.id === source.id) ? list.map((s) => (s.id === source.id ? source : s)) : [...list, source],
        );
      },
      remove(id: string) {
        queryClient.setQueryData(queryKey, (list = []) => list.filter((s) => s.id !== id));
      },
    };
  }, [trpc, queryClient, workspaceId]);
}
