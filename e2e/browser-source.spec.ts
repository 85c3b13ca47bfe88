import { execFile } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { expect, test, type Page } from "@playwright/test";
import { javascriptSnippet } from "../components/sources/install-snippets";

const SHOTS = "e2e/screenshots";
const run = promisify(execFile);

type StoredPayload = {
  type: string;
  event?: string;
  userId?: string | null;
  anonymousId?: string;
  traits?: Record<string, unknown>;
  properties?: Record<string, unknown>;
  context: {
    ip?: string;
    userAgent?: string;
    userAgentData?: { brands: { brand: string; version: string }[]; mobile: boolean; platform: string };
    page?: { url?: string; referrer?: string; path?: string; title?: string };
    campaign?: Record<string, string>;
    library?: { name: string };
  };
};

/** The CLI on the E2E server's database: reads and writes without signing in to the UI. */
async function cli<T>(...args: string[]): Promise<T> {
  const { stdout } = await run(process.execPath, ["bin/switchyard.mjs", ...args, "--json"], {
    env: { ...process.env, DATABASE_URL: "file:./data/e2e.db" },
  });
  return JSON.parse(stdout) as T;
}

async function createJavaScriptSource(name: string): Promise<{ id: string; writeKey: string }> {
  return cli("source", "create", "--name", name, "--kind", "javascript");
}

/** Waits until the source has stored `count` events; returns them oldest first. */
async function storedEvents(sourceId: string, count: number): Promise<StoredPayload[]> {
  let events: StoredPayload[] = [];
  await expect(async () => {
    events = (await cli<StoredPayload[]>("events", "list", "--source", sourceId, "--limit", "100")).reverse();
    expect(events.length).toBeGreaterThanOrEqual(count);
  }).toPass({ timeout: 30_000, intervals: [250, 500, 1_000] });
  return events;
}

/** A customer's website: a second origin on this machine, with Switchyard's snippet in its pages. */
async function startWebsite(page: (path: string) => string | null): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    if (path === "/favicon.ico") {
      res.writeHead(204);
      res.end();
      return;
    }
    const html = page(path);
    res.writeHead(html === null ? 404 : 200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
    res.end(html ?? "Not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** Every request the page makes, to check none leaves the two local origins. */
function recordRequests(page: Page): URL[] {
  const urls: URL[] = [];
  page.on("request", (request) => urls.push(new URL(request.url())));
  return urls;
}

function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

test("a website on another origin loads the snippet from Switchyard; page, identify and track are stored with their context", async ({ page, baseURL }) => {
  const source = await createJavaScriptSource("Shop website");
  const snippet = javascriptSnippet({ baseUrl: baseURL!, writeKey: source.writeKey, globalName: "analytics" });
  const site = await startWebsite((path) => {
    if (path === "/") return `<!doctype html><title>Home</title><a href="/pricing?utm_source=newsletter&utm_medium=email&utm_campaign=spring">Pricing</a>`;
    if (path === "/pricing") return `<!doctype html><html><head><title>Pricing</title>${snippet}</head><body><h1>Pricing</h1></body></html>`;
    return null;
  });
  try {
    const requests = recordRequests(page);
    const errors = watchForErrors(page);
    await page.goto(`${site.url}/`);
    await page.getByRole("link", { name: "Pricing" }).click();
    await page.waitForFunction(() => (window as unknown as { analytics?: { initialized?: boolean } }).analytics?.initialized === true);
    await page.evaluate(async () => {
      const analytics = (window as unknown as { analytics: { identify(id: string, traits: object): Promise<unknown>; track(event: string, properties: object): Promise<unknown> } }).analytics;
      await analytics.identify("u1", { email: "u1@example.com" });
      await analytics.track("Clicked", {});
    });
    const userAgent = await page.evaluate(() => navigator.userAgent);

    const events = await storedEvents(source.id, 3);
    expect(events.map((e) => e.type).sort()).toEqual(["identify", "page", "track"]);
    const [pageCall, identify, track] = ["page", "identify", "track"].map((type) => events.find((e) => e.type === type));
    const pageUrl = `${site.url}/pricing?utm_source=newsletter&utm_medium=email&utm_campaign=spring`;
    for (const event of [pageCall!, identify!, track!]) {
      expect(event.context.page).toMatchObject({ url: pageUrl, referrer: `${site.url}/`, path: "/pricing", title: "Pricing" });
      expect(event.context.userAgent).toBe(userAgent);
      expect(event.context.ip).toBe("127.0.0.1");
      expect(event.context.campaign).toEqual({ source: "newsletter", medium: "email", name: "spring" });
      // Playwright's desktop Chrome profile reports Windows; Debian's Chromium alone reports Linux.
      expect(event.context.userAgentData).toMatchObject({ mobile: false, platform: userAgent.includes("Windows") ? "Windows" : "Linux" });
      expect(event.context.library?.name).toBe("analytics.js");
    }
    expect(pageCall!.anonymousId).toBeTruthy();
    expect(identify).toMatchObject({ userId: "u1", anonymousId: pageCall!.anonymousId, traits: { email: "u1@example.com" } });
    expect(track).toMatchObject({ event: "Clicked", userId: "u1", anonymousId: pageCall!.anonymousId });

    const switchyard = new URL(baseURL!).origin;
    expect(requests.filter((url) => url.origin !== site.url && url.origin !== switchyard).map(String)).toEqual([]);
    const paths = requests.filter((url) => url.origin === switchyard).map((url) => url.pathname);
    expect(paths).toEqual(
      expect.arrayContaining([`/v1/analytics-js/snippet/${source.writeKey}/analytics.min.js`, `/v1/projects/${source.writeKey}/settings`, "/v1/p", "/v1/i", "/v1/t"]),
    );
    expect(errors).toEqual([]);
  } finally {
    site.server.close();
  }
});

test("navigator.sendBeacon on page unload is accepted and stored", async ({ page, baseURL }) => {
  const source = await createJavaScriptSource("Beacon website");
  const beacon = (event: string) => JSON.stringify({ writeKey: source.writeKey, anonymousId: "beacon-visitor", event, properties: { seconds: 12 } });
  const site = await startWebsite((path) => {
    if (path === "/article") {
      return `<!doctype html><title>Article</title><a href="/next">Next</a>
<script>
  addEventListener("pagehide", function () {
    navigator.sendBeacon(${JSON.stringify(`${baseURL}/v1/t`)}, ${JSON.stringify(beacon("Article Left"))});
    navigator.sendBeacon(${JSON.stringify(`${baseURL}/v1/t`)}, new Blob([${JSON.stringify(beacon("Article Left (JSON blob)"))}], { type: "application/json" }));
  });
</script>`;
    }
    if (path === "/next") return `<!doctype html><title>Next</title><p>Next page</p>`;
    return null;
  });
  try {
    const requests = recordRequests(page);
    await page.goto(`${site.url}/article`);
    await page.getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveTitle("Next");

    const events = await storedEvents(source.id, 2);
    expect(events.map((e) => e.event).sort()).toEqual(["Article Left", "Article Left (JSON blob)"]);
    for (const event of events) {
      expect(event).toMatchObject({ type: "track", anonymousId: "beacon-visitor", properties: { seconds: 12 }, context: { ip: "127.0.0.1" } });
    }
    const switchyard = new URL(baseURL!).origin;
    expect(requests.filter((url) => url.origin !== site.url && url.origin !== switchyard).map(String)).toEqual([]);
  } finally {
    site.server.close();
  }
});

test("the demo page sends identify, track and page from its buttons", async ({ page }) => {
  const source = await createJavaScriptSource("Demo website");
  const errors = watchForErrors(page);
  const requests = recordRequests(page);
  await page.goto(`/demo/${source.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Demo: Demo website" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("The SDK is loaded: events go to this source.");

  await page.getByLabel("User id").fill("demo-user");
  await page.getByRole("button", { name: "Send identify" }).click();
  await page.getByLabel("Event name").fill("Demo Clicked");
  await page.getByRole("button", { name: "Send track" }).click();
  await page.getByRole("button", { name: "Send page" }).click();
  const sent = page.getByRole("list").getByRole("listitem");
  await expect(sent).toHaveCount(4); // the snippet's own page view, then the three buttons
  await expect(sent.first()).toContainText("page");
  await page.screenshot({ path: `${SHOTS}/demo-page.png`, fullPage: true });

  const events = await storedEvents(source.id, 4);
  expect(events.map((e) => [e.type, e.event ?? null, e.userId ?? null])).toEqual(
    expect.arrayContaining([
      ["page", null, null],
      ["identify", null, "demo-user"],
      ["track", "Demo Clicked", "demo-user"],
      ["page", null, "demo-user"],
    ]),
  );
  expect(new Set(events.map((e) => e.anonymousId)).size).toBe(1);
  expect(requests.every((url) => url.origin === new URL(page.url()).origin)).toBe(true);
  expect(errors).toEqual([]);

  const other = await cli<{ id: string }>("source", "create", "--name", "Backend", "--kind", "node");
  expect((await page.goto(`/demo/${other.id}`))?.status()).toBe(404);
});

test("a JavaScript source's row shows its snippet, and its global name can be changed", async ({ page }) => {
  const source = await createJavaScriptSource("Blog");
  const errors = watchForErrors(page);
  await page.goto("/");
  await expect(page).toHaveURL(/\/w\/[^/]+/);
  const workspaceId = new URL(page.url()).pathname.split("/")[2];
  await page.goto(`/w/${workspaceId}/sources`);
  const row = page.getByRole("listitem", { name: "Blog", exact: true });
  await row.getByText("Install on a website").click();
  const snippet = row.getByTestId("install-snippet");
  await expect(snippet).toContainText(`analytics.load("${source.writeKey}")`);
  await expect(snippet).toContainText('var name = "analytics"');

  const globalName = row.getByLabel("Global name");
  await globalName.fill("my-analytics");
  await row.getByRole("button", { name: "Save", exact: true }).click();
  await expect(row.getByText("The global name must be a JavaScript identifier")).toBeVisible();
  await globalName.fill("blogAnalytics");
  await row.getByRole("button", { name: "Save", exact: true }).click();
  await expect(snippet).toContainText('var name = "blogAnalytics"');
  await row.getByLabel("Allowed origins").fill("https://blog.example.com/\nnot an origin");
  await row.getByRole("button", { name: "Save origins" }).click();
  await expect(row.getByText(/"not" is not an origin/)).toBeVisible();
  await row.getByLabel("Allowed origins").fill("https://blog.example.com/");
  await row.getByRole("button", { name: "Save origins" }).click();
  await expect(row.getByLabel("Allowed origins")).toHaveValue("https://blog.example.com");
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/install-panel.png`, fullPage: true });
  expect(errors).toEqual([]);

  await page.goto(`/demo/${source.id}`);
  await expect(page.getByRole("status")).toHaveText("The SDK is loaded: events go to this source.");
  expect(await page.evaluate(() => typeof (window as unknown as Record<string, { track?: unknown }>).blogAnalytics?.track)).toBe("function");
});
