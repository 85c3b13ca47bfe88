import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/**
 * Opens a better-sqlite3 connection tuned for Switchyard: WAL so readers never block the
 * writer, `synchronous = FULL` so a commit that ingest acknowledged survives a power cut
 * (group commit pays one fsync for many requests), and a busy timeout for the second
 * connection Prisma keeps on the same file.
 */
export function openSqlite(file: string): Database.Database {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("busy_timeout = 10000");
  db.pragma("foreign_keys = ON");
  // 16 MiB page cache: appends touch only the right edge of the log's B-trees and reads are
  // served by the OS page cache as well; 64 MiB per connection (the server keeps three or
  // four) made most of the server's RSS without measurable gain. Checkpoint every ~16 MiB of
  // WAL instead of 4 MiB, so the append-only log is copied back in fewer, larger steps. (The
  // connection appending events turns this off: a thread of its own checkpoints instead.)
  db.pragma("cache_size = -16384");
  db.pragma("wal_autocheckpoint = 4000");
  return db;
}
