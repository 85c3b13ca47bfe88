import { createSqliteTestDatabase } from "../../test/sqlite";

process.env.DATABASE_URL = createSqliteTestDatabase();
const { defineRunnerSuite } = await import("../../test/runner-suite");
defineRunnerSuite("SQLite", true);
