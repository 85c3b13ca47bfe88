// `npm test`: every check and test, in the order that fails fastest: schema drift, types,
// unit and integration tests (Vitest, SQLite and PostgreSQL), then the production build and
// the browser tests (Playwright in Debian's Chromium). Ends with one summary line.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const results = path.join(root, "test-results");
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function step(title, command, args, extraEnv = {}) {
  console.log(`\n=== ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...env, ...extraEnv } });
  return result.status === 0;
}

const counts = { passed: 0, failed: 0, skipped: 0 };
let ok = true;
ok = step("Prisma schemas match their template", process.execPath, ["scripts/prisma-schemas.mjs", "--check"]) && ok;
ok = step("Type check", bin("tsc"), ["--noEmit"]) && ok;

const vitestJson = path.join(results, "vitest.json");
ok = step("Unit and integration tests (Vitest)", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]) && ok;
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, "utf8"));
  counts.passed += report.numPassedTests;
  counts.failed += report.numFailedTests;
  counts.skipped += report.numPendingTests + report.numTodoTests;
} else {
  counts.failed += 1;
}

/** Playwright drives Debian's Chromium (never a downloaded browser); install it on first use. */
function ensureChromium() {
  if (existsSync("/usr/bin/chromium")) return true;
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    console.log("Installing Chromium from Debian's packages for the browser tests...");
    return step("apt-get update", "apt-get", ["update", "-q"]) && step("apt-get install chromium", "apt-get", ["install", "-y", "-q", "chromium"], { DEBIAN_FRONTEND: "noninteractive" });
  }
  console.error("The browser tests need Chromium at /usr/bin/chromium: run `sudo apt-get install -y chromium`.");
  return false;
}

if (process.env.SWITCHYARD_SKIP_E2E !== "1") {
  const built = ensureChromium() && step("Production build (Next.js)", process.execPath, ["scripts/build.mjs"]);
  ok = built && ok;
  if (built) {
    const playwrightJson = path.join(results, "playwright.json");
    ok = step("Browser tests (Playwright)", bin("playwright"), ["test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson }) && ok;
    if (existsSync(playwrightJson)) {
      const stats = JSON.parse(readFileSync(playwrightJson, "utf8")).stats;
      counts.passed += stats.expected + stats.flaky;
      counts.failed += stats.unexpected;
      counts.skipped += stats.skipped;
    } else {
      counts.failed += 1;
    }
  }
}

console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(ok && counts.failed === 0 ? 0 : 1);
