import { createPostgresTestDatabase } from "../../test/postgres";

const url = await createPostgresTestDatabase("canvas");
if (url) process.env.DATABASE_URL = url;
const { defineCanvasSuite } = await import("../../test/canvas-suite");
defineCanvasSuite("PostgreSQL", url !== null);
