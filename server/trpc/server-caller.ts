import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { db } from "../db";
import { createCallerFactory } from "./init";
import { createRequestContext } from "./request-context";
import { appRouter } from "./routers/_app";

/**
 * The app router called in-process from Server Components, as the signed-in user of the
 * request (its session cookie): one caller per request.
 */
export const getServerCaller = cache(() => createCallerFactory(appRouter)(async () => createRequestContext(db, await headers())));
