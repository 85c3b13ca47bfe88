import { createSqliteTestDatabase } from "../../test/sqlite";

process.env.DATABASE_URL = createSqliteTestDatabase();
const { defineAccountsSuite } = await import("../../test/accounts-suite");
defineAccountsSuite("SQLite", true);
