import pg from "pg";

const ADMIN_URL = process.env.SWITCHYARD_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** Whether PostgreSQL tests must run (CI sets this) rather than skip when the server is unreachable. */
export const postgresRequired = process.env.SWITCHYARD_REQUIRE_POSTGRES === "1";

/**
 * Creates a fresh, uniquely named database for one test file and returns its URL, or null
 * (with a clear message) when PostgreSQL cannot be reached and the tests are not mandatory.
 */
export async function createPostgresTestDatabase(label: string): Promise<string | null> {
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
  } catch (error) {
    const message = `PostgreSQL at ${ADMIN_URL} is unreachable (${(error as Error).message})`;
    if (postgresRequired) throw new Error(`${message}; SWITCHYARD_REQUIRE_POSTGRES=1 makes these tests mandatory`);
    console.warn(`SKIPPED ${label}: ${message}. Set SWITCHYARD_REQUIRE_POSTGRES=1 to make this a failure.`);
    return null;
  }
  try {
    const name = `switchyard_test_${label.replace(/\W/g, "_")}_${process.pid}_${Date.now().toString(36)}`;
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    return url.toString();
  } finally {
    await admin.end();
  }
}
