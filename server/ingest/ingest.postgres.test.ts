import { createPostgresTestDatabase } from "../../test/postgres";

const url = await createPostgresTestDatabase("ingest");
if (url) process.env.DATABASE_URL = url;
const { defineIngestSuite } = await import("../../test/ingest-suite");
defineIngestSuite("PostgreSQL", url !== null);
