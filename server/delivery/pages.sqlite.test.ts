import { createSqliteTestDatabase } from "../../test/sqlite";

process.env.DATABASE_URL = createSqliteTestDatabase();
const { definePagesSuite } = await import("../../test/pages-suite");
definePagesSuite("SQLite", true);
