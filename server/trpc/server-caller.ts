import "server-only";
import { cache } from "react";
import { db } from "../db";
import { createCallerFactory, createTrpcContext } from "./init";
import { appRouter } from "./routers/_app";

/** The app router called in-process from Server Components: one caller per request. */
export const getServerCaller = cache(() => createCallerFactory(appRouter)(createTrpcContext(db)));
