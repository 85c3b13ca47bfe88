import "server-only";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { db } from "@/server/db";
import { createRequestContext } from "@/server/trpc/request-context";
import { appRouter } from "@/server/trpc/routers/_app";

function handler(req: Request): Promise<Response> {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createRequestContext(db, req.headers),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "(unknown path)"} failed:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
