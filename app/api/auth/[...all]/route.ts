import "server-only";
import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/server/auth/auth";

/** better-auth's endpoints: sign-up, sign-in, sign-out, session (under /api/auth). */
function handler(req: Request): Promise<Response> {
  return getAuth().handler(req);
}

export const { GET, POST } = toNextJsHandler(handler);
