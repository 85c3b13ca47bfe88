import { createSqliteTestDatabase } from "../../test/sqlite";

process.env.DATABASE_URL = createSqliteTestDatabase();
const { defineIngestSuite } = await import("../../test/ingest-suite");
defineIngestSuite("SQLite", true);
