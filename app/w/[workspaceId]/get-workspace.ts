import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getServerCaller } from "@/server/trpc/server-caller";

/** The workspace of the current route, loaded once per request; an unknown id is a 404 page. */
export const getWorkspace = cache(async (workspaceId: string) => {
  try {
    return await getServerCaller().workspaces.get({ workspaceId });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});
