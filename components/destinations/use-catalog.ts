"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc-context";

/** The destination catalog; it only changes with a new release, so it is fetched once. */
export function useCatalog() {
  const trpc = useTRPC();
  return useQuery(trpc.destinations.catalog.queryOptions(undefined, { staleTime: Infinity }));
}
