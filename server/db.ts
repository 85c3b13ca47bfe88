import { PrismaPg } from "@prisma/adapter-pg";
import type Database from "better-sqlite3";
import { PrismaClient as SqlitePrismaClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresPrismaClient } from "./generated/postgres/client";
import { resolveDatabase } from "./database-url";
import { ImmediateTransactionsSqlite } from "./sqlite-prisma-adapter";

/**
 * The configuration tables' Prisma client. Both generated clients come from one template
 * schema (prisma/schema.template.prisma) and differ only in their provider, so the
 * PostgreSQL client is used through the SQLite client's type.
 */
export type Db = SqlitePrismaClient;

function createDb(): Db {
  const target = resolveDatabase();
  if (target.kind === "postgres") {
    const client = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: target.url, max: 5 }) });
    return client as unknown as Db;
  }
  const adapter = new ImmediateTransactionsSqlite({ url: target.url, timeout: 10_000 });
  const client = new SqlitePrismaClient({ adapter });
  sqliteAdapters.set(client, adapter);
  return client;
}

const sqliteAdapters = new WeakMap<Db, ImmediateTransactionsSqlite>();

/**
 * The SQLite connection a client queries through (the one its transactions run on), once it
 * has connected; null on PostgreSQL. For the few writes too large for Prisma's per-query cost.
 */
export function sqliteConnectionOf(client: Db): Database.Database | null {
  return sqliteAdapters.get(client)?.connection ?? null;
}

const globalForDb = globalThis as unknown as { switchyardDb?: Db };

/** One client per process, shared by the Next.js bundle, the ingest server, the runner and the CLI. */
export const db: Db = globalForDb.switchyardDb ?? (globalForDb.switchyardDb = createDb());
