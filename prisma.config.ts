// Prisma CLI configuration. Prisma 6 runs its schema engine in JavaScript through a driver
// adapter, so nothing is downloaded; the adapter follows DATABASE_URL like the app does.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

const databaseUrl = process.env.DATABASE_URL ?? "file:./data/switchyard.db";
const isPostgres = /^postgres(ql)?:/.test(databaseUrl);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", isPostgres ? "postgres" : "sqlite", "schema.prisma"),
  adapter: async () =>
    isPostgres ? new PrismaPg({ connectionString: databaseUrl }) : new PrismaBetterSQLite3({ url: databaseUrl }),
});
