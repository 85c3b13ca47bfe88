import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./canvas-helpers";

test.beforeEach(async ({ page, baseURL }) => signIn(page, baseURL));

const SHOTS = "e2e/screenshots";

async function openSources(page: Page) {
  await page.goto("/");
  await expect(page).toHaveURL(/\/w\/[^/]+$/);
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Sources" }).click();
  await expect(page).toHaveURL(/\/w\/[^/]+\/sources$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sources" })).toBeVisible();
}

const sourceRow = (page: Page, name: string) => page.getByRole("listitem", { name, exact: true });

/** Console errors and uncaught exceptions (hydration mismatches among them) fail a test. */
function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

test("manages a source: create, validate, rename, disable, rotate its key, delete", async ({ page, context }) => {
  const errors = watchForErrors(page);
  await openSources(page);
  await expect(page.getByRole("banner")).toContainText("Switchyard");
  await expect(page.getByRole("banner")).toContainText("My workspace");
  await expect(sourceRow(page, "Demo source")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBe(0);
  await page.screenshot({ path: `${SHOTS}/sources-1280.png`, fullPage: true });

  const name = page.getByLabel("Name", { exact: true });
  await page.getByRole("button", { name: "Create source" }).click();
  await expect(page.getByText("A source needs a name.")).toBeVisible();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(name).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/create-validation.png` });

  await name.fill("Website");
  await page.getByLabel("Kind").selectOption({ label: "JavaScript" });
  await page.getByRole("button", { name: "Create source" }).click();
  const website = sourceRow(page, "Website");
  await expect(website).toBeVisible();
  await expect(website).toContainText("JavaScript");
  await expect(website).toContainText("No events yet");
  await expect(name).toHaveValue("");
  await expect(page.getByText("A source needs a name.")).toHaveCount(0);

  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const websiteKey = (await website.getByTestId("write-key").textContent()) ?? "";
  expect(websiteKey).toMatch(/^[A-Za-z0-9_-]{32}$/);
  await website.getByRole("button", { name: "Copy the write key of Website" }).click();
  await expect(website.getByRole("button", { name: "Copy the write key of Website" })).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(websiteKey);

  await website.getByRole("button", { name: "Rename" }).click();
  const rename = page.getByLabel("New name for Website");
  await expect(rename).toBeFocused();
  await rename.fill("   ");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("A source needs a name.")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/rename-inline.png` });
  await rename.fill("Marketing site");
  await rename.press("Enter");
  const marketing = sourceRow(page, "Marketing site");
  await expect(marketing).toBeVisible();
  await expect(marketing.getByRole("button", { name: "Rename" })).toBeFocused();

  const enabled = marketing.getByRole("switch", { name: "Enabled" });
  await expect(enabled).toHaveAttribute("aria-checked", "true");
  await enabled.click();
  await expect(enabled).toHaveAttribute("aria-checked", "false");
  await expect(marketing).toContainText("Disabled");

  const key = marketing.getByTestId("write-key");
  const before = await key.textContent();
  await marketing.getByRole("button", { name: "Rotate key" }).click();
  const rotateDialog = page.getByRole("dialog", { name: "Rotate the write key of “Marketing site”?" });
  await expect(rotateDialog).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/rotate-confirm.png` });
  await rotateDialog.getByRole("button", { name: "Rotate key" }).click();
  await expect(rotateDialog).toBeHidden();
  await expect(key).not.toHaveText(before ?? "");
  await expect(key).toHaveText(/^[A-Za-z0-9_-]{32}$/);

  await page.reload();
  await expect(marketing.getByRole("switch", { name: "Enabled" })).toHaveAttribute("aria-checked", "false");
  await expect(marketing).toContainText("Marketing site");
  await page.screenshot({ path: `${SHOTS}/sources-two-rows.png`, fullPage: true });

  await marketing.getByRole("button", { name: "Delete" }).click();
  const deleteDialog = page.getByRole("dialog", { name: "Delete “Marketing site”?" });
  await deleteDialog.getByRole("button", { name: "Cancel" }).click();
  await expect(deleteDialog).toBeHidden();
  await expect(marketing).toBeVisible();
  await marketing.getByRole("button", { name: "Delete" }).click();
  await page.screenshot({ path: `${SHOTS}/delete-confirm.png` });
  await deleteDialog.getByRole("button", { name: "Delete source" }).click();
  await expect(marketing).toHaveCount(0);
  await page.reload();
  await expect(sourceRow(page, "Demo source")).toBeVisible();
  await expect(marketing).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("shows the last event of a source after an event arrives", async ({ page, baseURL }) => {
  const errors = watchForErrors(page);
  await openSources(page);
  const demo = sourceRow(page, "Demo source");
  await expect(demo).toContainText("No events yet");
  const writeKey = (await demo.getByTestId("write-key").textContent()) ?? "";

  const response = await fetch(`${baseURL}/v1/track`, {
    method: "POST",
    headers: { Authorization: `Basic ${Buffer.from(`${writeKey}:`).toString("base64")}`, "Content-Type": "application/json" },
    body: JSON.stringify({ userId: "user-1", event: "Signed Up", properties: { plan: "<b>pro</b>" } }),
  });
  expect(response.status).toBe(200);

  await expect(async () => {
    await page.reload();
    await expect(demo.getByRole("time")).toHaveText("just now", { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  await expect(demo).not.toContainText("No events yet");
  await page.screenshot({ path: `${SHOTS}/last-event.png` });
  expect(errors).toEqual([]);
});

test("where the clipboard cannot be written, Copy selects the write key and says to press Ctrl+C", async ({ page }) => {
  // As on a self-hosted install reached over plain http by its network address: no Clipboard API.
  await page.addInitScript(() => Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true }));
  await openSources(page);
  const demo = sourceRow(page, "Demo source");
  const writeKey = (await demo.getByTestId("write-key").textContent()) ?? "";
  await demo.getByRole("button", { name: "Copy the write key of Demo source" }).click();
  await expect(demo.getByText("Press Ctrl+C", { exact: true })).toBeVisible();
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(writeKey);
  await expect(demo.getByText("Press Ctrl+C", { exact: true })).toHaveCount(0, { timeout: 5_000 });
});

test("fits narrow and medium screens without sideways scrolling", async ({ page }) => {
  for (const [width, height] of [[390, 844], [820, 1000], [1024, 768]] as const) {
    await page.setViewportSize({ width, height });
    await openSources(page);
    await expect(sourceRow(page, "Demo source").getByTestId("write-key")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `horizontal overflow at ${width}px`).toBe(0);
    await page.screenshot({ path: `${SHOTS}/sources-${width}.png`, fullPage: true });
  }

  // A fresh load, so focus starts at the top of the page (not on the nav link just clicked).
  await page.reload();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/skip-link-focus.png` });
});

test("answers an unknown workspace with a not-found page", async ({ page }) => {
  const response = await page.goto("/w/no-such-workspace/sources");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

// Runs last (one worker, file order): it empties the workspace, then puts a "Demo source" back.
test("says what to do next when the workspace has no sources", async ({ page }) => {
  await openSources(page);
  const rows = page.getByRole("list").getByRole("listitem");
  const empty = page.getByRole("heading", { name: "No sources yet" });
  // The loop ends on the empty state, not on a count of zero rows: while the list refreshes
  // after a deletion its rows can be gone for a moment.
  while (!(await empty.isVisible())) {
    const row = rows.first();
    if (!(await row.isVisible())) {
      await page.waitForTimeout(50);
      continue;
    }
    const name = (await row.getAttribute("aria-labelledby")) ?? "";
    await row.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete source" }).click();
    await expect(page.locator(`[id="${name}"]`)).toHaveCount(0);
  }
  await expect(empty).toBeVisible();
  await expect(page.getByText("Add a source above to get a write key.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Sources" })).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/sources-empty.png` });

  await page.getByLabel("Name", { exact: true }).fill("Demo source");
  await page.getByRole("button", { name: "Create source" }).click();
  await expect(sourceRow(page, "Demo source")).toBeVisible();
});
