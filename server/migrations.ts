import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { openSqlite } from "./sqlite-connection";
import type { DatabaseTarget } from "./database-url";

const MIGRATIONS_TABLE = "_switchyard_migrations";
/** Arbitrary constant: the PostgreSQL advisory lock that lets one process migrate at a time. */
const MIGRATION_LOCK_ID = 74_210_001;

export type Migration = { name: string; sql: string };

/** The migrations of one database, in the order they apply (folder names start with a number). */
export function listMigrations(kind: DatabaseTarget["kind"], root = process.cwd()): Migration[] {
  const folder = path.join(root, "prisma", kind, "migrations");
  return readdirSync(folder)
    .filter((name) => /^\d{4}_/.test(name))
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(folder, name, "migration.sql"), "utf8") }));
}

/**
 * Applies every migration not yet recorded, each in its own transaction, and returns the
 * names applied. Safe to call from several processes at once.
 */
export async function migrate(target: DatabaseTarget, root = process.cwd()): Promise<string[]> {
  const migrations = listMigrations(target.kind, root);
  return target.kind === "sqlite" ? migrateSqlite(target.file, migrations) : migratePostgres(target.url, migrations);
}

function migrateSqlite(file: string, migrations: Migration[]): string[] {
  const db = openSqlite(file);
  try {
    db.exec(`CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" ("name" TEXT PRIMARY KEY, "applied_at" TEXT NOT NULL)`);
    const applied = new Set(db.prepare(`SELECT "name" FROM "${MIGRATIONS_TABLE}"`).pluck().all() as string[]);
    const record = db.prepare(`INSERT INTO "${MIGRATIONS_TABLE}" ("name", "applied_at") VALUES (?, ?)`);
    const done: string[] = [];
    // Table rebuilds (SQLite's way to alter a table) drop and recreate tables: with foreign
    // keys on, dropping a parent would cascade-delete its children. The pragma is a no-op
    // inside a transaction, so it is switched off around them and the keys checked after.
    db.pragma("foreign_keys = OFF");
    for (const migration of migrations) {
      if (applied.has(migration.name)) continue;
      db.transaction(() => {
        db.exec(migration.sql);
        const broken = db.pragma("foreign_key_check") as unknown[];
        if (broken.length > 0) throw new Error(`Migration ${migration.name} leaves ${broken.length} rows with broken foreign keys`);
        record.run(migration.name, new Date().toISOString());
      }).immediate();
      done.push(migration.name);
    }
    db.pragma("foreign_keys = ON");
    return done;
  } finally {
    db.close();
  }
}

async function migratePostgres(url: string, migrations: Migration[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    await client.query(`CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" ("name" TEXT PRIMARY KEY, "applied_at" TIMESTAMPTZ NOT NULL)`);
    const { rows } = await client.query<{ name: string }>(`SELECT "name" FROM "${MIGRATIONS_TABLE}"`);
    const applied = new Set(rows.map((row) => row.name));
    const done: string[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.name)) continue;
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(`INSERT INTO "${MIGRATIONS_TABLE}" ("name", "applied_at") VALUES ($1, now())`, [migration.name]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
      }
      done.push(migration.name);
    }
    return done;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]).catch(() => undefined);
    await client.end();
  }
}
