import { createPostgresTestDatabase } from "../../test/postgres";

const url = await createPostgresTestDatabase("accounts");
if (url) process.env.DATABASE_URL = url;
const { defineAccountsSuite } = await import("../../test/accounts-suite");
defineAccountsSuite("PostgreSQL", url !== null);
