import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { db } from "../db";
import { createCallerFactory } from "./init";
import { createRequestContext } from "./request-context";
import { appRouter } from "./routers/_app";

/** The request's caller (session cookie), looked up once per request however many calls a page makes. */
const requestContext = cache(async () => createRequestContext(db, await headers()));

/** The app router called in-process from Server Components, as the signed-in user of the request. */
export const getServerCaller = cache(() => createCallerFactory(appRouter)(requestContext));
