import { defineConfig, devices } from "@playwright/test";
import { ADMIN_STATE } from "./e2e/fixtures/accounts";

// E2E_PORT lets several checkouts run their browser tests side by side.
const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;

const chromium = {
  ...devices["Desktop Chrome"],
  viewport: { width: 1280, height: 800 },
  launchOptions: {
    // Debian's Chromium; `npx playwright install` needs a download this machine cannot make.
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      // Keeps Chromium from resolving (and contacting) any host but the app under test.
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ],
  },
};

export default defineConfig({
  testDir: "e2e",
  // One server and one database for every test: run them one after another.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: "list",
  outputDir: "test-results/playwright",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    // Signs up the installation's first account (its admin) through the UI and keeps its session.
    { name: "setup", testMatch: /.*\.setup\.ts$/, use: chromium },
    // Every spec runs signed in as that admin; a test that needs another user opens its own context.
    { name: "chromium", dependencies: ["setup"], testIgnore: /.*\.setup\.ts$/, use: { ...chromium, storageState: ADMIN_STATE } },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
