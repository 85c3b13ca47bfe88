import { createSqliteTestDatabase } from "../../test/sqlite";

process.env.DATABASE_URL = createSqliteTestDatabase();
const { defineCanvasSuite } = await import("../../test/canvas-suite");
defineCanvasSuite("SQLite", true);
