import { createPostgresTestDatabase } from "../../test/postgres";

const url = await createPostgresTestDatabase("runner");
if (url) process.env.DATABASE_URL = url;
const { defineRunnerSuite } = await import("../../test/runner-suite");
defineRunnerSuite("PostgreSQL", url !== null);
