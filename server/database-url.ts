import path from "node:path";

export type DatabaseTarget =
  | { kind: "sqlite"; url: string; file: string }
  | { kind: "postgres"; url: string };

/** The default database: an embedded SQLite file under `data/` in the working directory. */
export const DEFAULT_DATABASE_URL = "file:./data/switchyard.db";

/**
 * Reads `DATABASE_URL` (or the given url): `postgres://` / `postgresql://` selects PostgreSQL,
 * `file:` (or a bare path) selects SQLite.
 */
export function resolveDatabase(url: string = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): DatabaseTarget {
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: "postgres", url };
  const file = url.startsWith("file:") ? url.slice("file:".length) : url;
  if (file === ":memory:") throw new Error("An in-memory SQLite database cannot be shared by the server, runner and CLI; use a file.");
  const absolute = path.resolve(file);
  return { kind: "sqlite", url: `file:${absolute}`, file: absolute };
}
