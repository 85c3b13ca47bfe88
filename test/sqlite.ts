import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** A database URL for a new SQLite file in a fresh temporary folder. */
export function createSqliteTestDatabase(): string {
  return `file:${path.join(mkdtempSync(path.join(tmpdir(), "switchyard-test-")), "switchyard.db")}`;
}
