// Generates the Prisma clients (one per database) without any engine download.
// Prisma 6 runs its schema engine in JavaScript here; the two variables below only stop
// its CLI from trying to download native engines it will never execute.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const placeholder = path.join(root, "package.json");
const env = {
  ...process.env,
  PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? placeholder,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? placeholder,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};

for (const provider of ["sqlite", "postgres"]) {
  const schema = path.join(root, "prisma", provider, "schema.prisma");
  if (!existsSync(schema)) continue;
  execFileSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), "generate", "--schema", schema], {
    cwd: root,
    env,
    stdio: "inherit",
  });
}
