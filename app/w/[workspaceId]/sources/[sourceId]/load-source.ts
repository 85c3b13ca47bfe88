import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getServerCaller } from "@/server/trpc/server-caller";

/** The source of the route, loaded once per request; an unknown id is a 404 page. */
export const loadSource = cache(async (workspaceId: string, id: string) => {
  try {
    return await getServerCaller().sources.get({ workspaceId, id });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});
