import { createPostgresTestDatabase } from "../../test/postgres";

const url = await createPostgresTestDatabase("pages");
if (url) process.env.DATABASE_URL = url;
const { definePagesSuite } = await import("../../test/pages-suite");
definePagesSuite("PostgreSQL", url !== null);
