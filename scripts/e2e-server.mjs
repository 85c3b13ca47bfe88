// Starts Switchyard for the browser tests on a fresh SQLite database (port E2E_PORT, 3210 by default). It serves
// the existing production build: run `npm run build` first.
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const database = path.join(root, "data", "e2e.db");
for (const file of [database, `${database}-wal`, `${database}-shm`]) rmSync(file, { force: true });

const env = {
  ...process.env,
  DATABASE_URL: "file:./data/e2e.db",
  PORT: process.env.E2E_PORT ?? "3210",
  HOST: "127.0.0.1",
  NEXT_TELEMETRY_DISABLED: "1",
  NODE_ENV: "production",
};
// The server's output also goes to a file, so a spec can check what it logged (no secrets).
const logFile = path.join(root, "test-results", "e2e-server.log");
mkdirSync(path.dirname(logFile), { recursive: true });
const log = createWriteStream(logFile, { flags: "w" });
const server = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], { cwd: root, stdio: ["inherit", "pipe", "pipe"], env });
for (const [from, to] of [[server.stdout, process.stdout], [server.stderr, process.stderr]]) {
  from.on("data", (chunk) => {
    to.write(chunk);
    log.write(chunk);
  });
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
