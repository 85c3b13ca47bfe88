// Writes one Prisma schema per database from prisma/schema.template.prisma.
// With --check, exits 1 when a written schema differs from what the template gives.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const template = readFileSync(path.join(root, "prisma/schema.template.prisma"), "utf8");
const header = "// Generated from prisma/schema.template.prisma by `npm run prisma:schemas`. Do not edit.\n";
const providers = { sqlite: "sqlite", postgres: "postgresql" };
const check = process.argv.includes("--check");
let drift = false;

for (const [folder, provider] of Object.entries(providers)) {
  const text = header + template.replace(/"\{\{provider\}\}"/g, `"${provider}"`).replace(/\{\{provider\}\}/g, folder);
  const file = path.join(root, "prisma", folder, "schema.prisma");
  if (check) {
    let current = "";
    try { current = readFileSync(file, "utf8"); } catch {}
    if (current !== text) { drift = true; console.error(`${path.relative(root, file)} differs from the template`); }
  } else {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}
if (drift) process.exit(1);
