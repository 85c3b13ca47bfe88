import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getServerCaller } from "@/server/trpc/server-caller";

/**
 * The workspace of the current route and the user's role in it, loaded once per request. Not
 * signed in: the sign-in page; not a member, or no such workspace: a 404 page.
 */
export const getWorkspace = cache(async (workspaceId: string) => {
  try {
    return await getServerCaller().workspaces.get({ workspaceId });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") redirect(`/sign-in?next=${encodeURIComponent(`/w/${workspaceId}`)}`);
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});
