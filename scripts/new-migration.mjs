// Writes the next migration for both databases: the SQL that takes the schema of the last
// migration to the current one (`prisma migrate diff`), plus a copy of the schema it reached,
// so the next migration diffs from there. Usage: npm run migration:new -- NAME
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run migration:new -- name_in_snake_case");
  process.exit(2);
}
const urls = { sqlite: "file:./data/prisma-cli.db", postgres: "postgres://postgres@127.0.0.1:5432/postgres" };
const placeholder = path.join(root, "package.json");

for (const provider of ["sqlite", "postgres"]) {
  const folder = path.join(root, "prisma", provider, "migrations");
  mkdirSync(folder, { recursive: true });
  const previous = readdirSync(folder).filter((f) => /^\d{4}_/.test(f)).sort();
  // Hand-written migrations (such as the event log's) carry no schema copy: diff from the
  // newest migration that does.
  const lastSchema = [...previous]
    .reverse()
    .map((f) => path.join(folder, f, "schema.prisma"))
    .find((f) => existsSync(f));
  const from = lastSchema ? ["--from-schema-datamodel", lastSchema] : ["--from-empty"];
  const schema = path.join(root, "prisma", provider, "schema.prisma");
  const sql = execFileSync(
    process.execPath,
    [path.join(root, "node_modules/prisma/build/index.js"), "migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script"],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: urls[provider], PRISMA_QUERY_ENGINE_LIBRARY: placeholder, PRISMA_SCHEMA_ENGINE_BINARY: placeholder },
      encoding: "utf8",
    },
  );
  const number = String(previous.length + 1).padStart(4, "0");
  const target = path.join(folder, `${number}_${name}`);
  mkdirSync(target);
  writeFileSync(path.join(target, "migration.sql"), sql);
  copyFileSync(schema, path.join(target, "schema.prisma"));
  console.log(path.relative(root, target));
}
