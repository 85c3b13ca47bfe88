// `npm start`: builds the UI when its build is missing or stale, then runs Switchyard (UI,
// ingest API and runner in one process). Honours PORT, HOST and DATABASE_URL.
import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { needsBuild } from "./needs-build.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };

if (process.env.SWITCHYARD_NO_UI !== "1" && needsBuild(root)) {
  console.log("Building the UI (first start, or its sources changed)...");
  const build = spawnSync(process.execPath, [path.join(root, "scripts/build.mjs")], { cwd: root, stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// V8's linear-time engine takes over from a regular expression that backtracks without end,
// so a mapping's `$match` over hostile input cannot stall the process.
const nodeFlags = ["--enable-experimental-regexp-engine-on-excessive-backtracks", "--import", "tsx"];
const server = spawn(process.execPath, [...nodeFlags, path.join(root, "server/main.ts")], { cwd: root, stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
