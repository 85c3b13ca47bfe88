import "server-only";
import { principalOf } from "../auth/request-principal";
import type { Db } from "../db";
import { createTrpcContext, type TrpcContext } from "./init";

/** The context of an HTTP request or a Server Component render: its session cookie or API token. */
export async function createRequestContext(db: Db, headers: Headers): Promise<TrpcContext> {
  return createTrpcContext(db, await principalOf(db, headers));
}
