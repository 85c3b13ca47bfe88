import { Analytics } from "@segment/analytics-node";
import { expect, test } from "@playwright/test";
import { HOSTILE, createSource, horizontalOverflow, sendEvent, watchForErrors, workspaceId } from "./support/api";

const SHOTS = "e2e/screenshots";

test("a source page: write key, install snippets, and live events that arrive within a second", async ({ page, baseURL, context }) => {
  const base = baseURL ?? "";
  const errors = watchForErrors(page);
  const workspace = await workspaceId(page.request);
  const source = await createSource(page.request, workspace, "Billing API");

  // The sources list links each name to its page.
  await page.goto(`/w/${workspace}/sources`);
  await page.getByRole("link", { name: "Billing API" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${workspace}/sources/${source.id}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Billing API" })).toBeVisible();
  await expect(page.getByTestId("write-key")).toHaveText(source.writeKey);
  await expect(page.getByText("No events yet")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();

  // Snippets carry this server's URL and the key; the Node.js one is chosen for a Node.js source.
  const snippet = page.getByTestId("install-snippet");
  await expect(page.getByRole("tab", { name: "Node.js" })).toHaveAttribute("aria-selected", "true");
  for (const tab of ["Node.js", "Python", "Go", "curl", "JavaScript"]) {
    await page.getByRole("tab", { name: tab }).click();
    await expect(page.getByRole("tab", { name: tab })).toHaveAttribute("aria-selected", "true");
    await expect(snippet).toContainText(base);
    await expect(snippet).toContainText(source.writeKey);
  }
  await expect(snippet).toContainText("<script>");
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: /^Copy the JavaScript/ }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(source.writeKey);

  // Live: a track event appears within a second, without a reload.
  const events = page.getByTestId("live-event");
  await sendEvent(base, source.writeKey, "track", { userId: "ada@example.com", event: "Order Completed", properties: { total: 42 } });
  const sentAt = Date.now();
  await expect(events.filter({ hasText: "Order Completed" })).toBeVisible({ timeout: 1_000 });
  console.log(`live event shown ${Date.now() - sentAt} ms after ingest answered`);

  // The real Node SDK, and an event whose properties carry markup.
  const analytics = new Analytics({ writeKey: source.writeKey, host: base, path: "/v1/batch", flushAt: 1 });
  analytics.identify({ userId: "grace", traits: { name: "Grace", note: HOSTILE.img } });
  analytics.track({ anonymousId: "anon-42", event: "Hostile Properties", properties: { html: HOSTILE.script, img: HOSTILE.img } });
  await analytics.closeAndFlush();
  await expect(events.filter({ hasText: "Hostile Properties" })).toBeVisible({ timeout: 1_000 });
  await expect(events.filter({ hasText: "Grace" })).toBeVisible();
  await expect(events.first()).toContainText("Hostile Properties");

  // Expanded, the event is its JSON as text: the markup is characters, not elements.
  const hostile = events.filter({ hasText: "Hostile Properties" });
  await hostile.getByRole("button").click();
  const json = hostile.getByLabel(/as JSON$/);
  await expect(json).toContainText(`"html": "${HOSTILE.script}"`);
  await expect(json).toContainText(`"img": "${HOSTILE.img}"`);
  await expect(json).toContainText('"anonymousId": "anon-42"');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(await page.locator("main script").count()).toBe(0);

  await page.screenshot({ path: `${SHOTS}/source-page.png`, fullPage: true });
  expect(await horizontalOverflow(page)).toBe(0);

  // Filters: by type, then by text (user, name, or a property value).
  const type = page.getByLabel("Event type");
  await type.selectOption("identify");
  await expect(events).toHaveCount(1);
  await expect(events.first()).toContainText("Grace");
  await type.selectOption("");
  const search = page.getByLabel("Search events");
  await search.fill("ada@example");
  await expect(events).toHaveCount(1);
  await expect(events.first()).toContainText("Order Completed");
  await search.fill("onerror");
  await expect(events).toHaveCount(2);
  // A new match arrives into the filtered list too.
  await sendEvent(base, source.writeKey, "page", { anonymousId: "anon-43", name: "Pricing", properties: { note: "onerror here" } });
  await expect(events).toHaveCount(3, { timeout: 1_000 });
  await search.fill("no such thing anywhere");
  await expect(page.getByText("No events match these filters")).toBeVisible();
  await search.fill("");
  await expect(events).toHaveCount(4);

  // Rotating the key asks first, then the page and its snippets use the new key.
  await page.getByRole("button", { name: "Rotate key" }).click();
  const dialog = page.getByRole("dialog", { name: "Rotate the write key of “Billing API”?" });
  await dialog.getByRole("button", { name: "Rotate key" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("write-key")).not.toHaveText(source.writeKey);
  const rotated = (await page.getByTestId("write-key").textContent()) ?? "";
  await expect(page.getByTestId("install-snippet")).toContainText(rotated);

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(events.first()).toBeVisible();
  expect(await horizontalOverflow(page)).toBe(0);
  await page.screenshot({ path: `${SHOTS}/source-page-390.png`, fullPage: true });
  expect(errors).toEqual([]);
});

test("keeps the newest 100 events and loads older ones on demand", async ({ page, baseURL }) => {
  const base = baseURL ?? "";
  const errors = watchForErrors(page);
  const workspace = await workspaceId(page.request);
  const source = await createSource(page.request, workspace, "Busy source");
  const batch = Array.from({ length: 130 }, (_, i) => ({ type: "track", userId: "bulk", event: `Bulk ${i}` }));
  const response = await fetch(`${base}/v1/batch`, {
    method: "POST",
    headers: { Authorization: `Basic ${Buffer.from(`${source.writeKey}:`).toString("base64")}`, "Content-Type": "application/json" },
    body: JSON.stringify({ batch }),
  });
  expect(response.status).toBe(200);

  await page.goto(`/w/${workspace}/sources/${source.id}`);
  const events = page.getByTestId("live-event");
  await expect(events).toHaveCount(100);
  await expect(events.first()).toContainText("Bulk 129");
  await page.getByRole("button", { name: "Load older events" }).click();
  await expect(events).toHaveCount(130);
  await expect(events.last()).toContainText("Bulk 0");
  await expect(page.getByRole("button", { name: "Load older events" })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("answers an unknown source with a not-found page", async ({ page }) => {
  const workspace = await workspaceId(page.request);
  // The sources list's loading state wraps this route, so the page streams (status 200) before it knows.
  await page.goto(`/w/${workspace}/sources/no-such-source`);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
