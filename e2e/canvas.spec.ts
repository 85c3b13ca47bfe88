import { expect, test } from "@playwright/test";
import {
  SHOTS,
  addSourceThroughUi,
  connectByDragging,
  destinationNode,
  edgeBetween,
  horizontalOverflow,
  openCanvas,
  recordIdOf,
  signIn,
  sourceNode,
  trpcMutation,
  watchForErrors,
} from "./canvas-helpers";

test.beforeEach(async ({ page, baseURL }) => signIn(page, baseURL));

test("builds connections on the canvas: add a source and a Webhook destination, connect, highlight, move, delete", async ({ page }) => {
  const request = page.request;
  const errors = watchForErrors(page);
  const workspaceId = await openCanvas(page);
  await expect(page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Connections" })).toHaveAttribute("aria-current", "page");

  await addSourceThroughUi(page, "Checkout service", "Node.js");
  const checkout = sourceNode(page, "Checkout service");
  await expect(checkout).toContainText("No events yet");
  await expect(checkout).toContainText("Node.js");

  // Add a destination: the catalog, its search and categories, then the settings form.
  await page.getByRole("link", { name: "Add destination" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a destination" })).toBeVisible();
  const catalog = page.getByRole("list", { name: "Destinations" });
  await page.getByRole("button", { name: "CRM", exact: true }).click();
  await expect(catalog.getByRole("button", { name: /HubSpot/ })).toBeVisible();
  await expect(catalog.getByRole("button", { name: /Webhook/ })).toHaveCount(0);
  await page.getByRole("button", { name: "All", exact: true }).click();
  await page.getByLabel("Search the catalog").fill("http endpoint");
  await expect(catalog.getByRole("listitem")).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/canvas-add-destination-catalog.png` });
  await catalog.getByRole("button", { name: /Webhook/ }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Add Webhook" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText("Connections/Add a destination/Webhook");
  const name = page.getByRole("textbox", { name: "Name", exact: true });
  await name.fill("Order hook");
  await page.getByRole("button", { name: "Create destination" }).click();
  await expect(page.getByText("URL is required")).toBeVisible();
  await expect(page.getByLabel(/^URL/)).toBeFocused();
  await page.getByLabel(/^URL/).fill("ftp://example.test/in");
  await page.getByLabel(/^Headers/).fill("{ not json");
  await page.getByRole("button", { name: "Create destination" }).click();
  await expect(page.getByText("Headers must be valid JSON")).toBeVisible();
  await page.getByLabel(/^Headers/).fill('{"X-Team": "orders"}');
  await page.getByRole("button", { name: "Create destination" }).click();
  // The server's own check, shown beside the field.
  await expect(page.getByText("URL must be an http(s) URL")).toBeVisible();
  await expect(page.getByLabel(/^Shared secret/)).toHaveAttribute("type", "password");
  await page.screenshot({ path: `${SHOTS}/canvas-add-destination-form.png`, fullPage: true });
  await page.getByLabel(/^URL/).fill("https://hooks.example.test/orders");
  await page.getByLabel(/^Shared secret/).fill("whsec-0123456789abcdef");
  await page.getByRole("button", { name: "Create destination" }).click();
  await expect(page).toHaveURL(/\/w\/[^/]+(\?selected=destination.*)?$/);
  const hook = destinationNode(page, "Order hook");
  await expect(hook).toHaveClass(/selected/);
  await expect(hook).toContainText("Healthy");
  await expect(hook).toContainText("Webhook");

  // Connect by dragging from the source's handle to the destination's.
  const checkoutId = await recordIdOf(checkout);
  const hookId = await recordIdOf(hook);
  await connectByDragging(page, checkout, hook);
  const edge = edgeBetween(page, checkoutId, hookId);
  await expect(edge).toHaveCount(1);

  // Hovering a node lights what it is connected to and dims the rest.
  const demo = sourceNode(page, "Demo source");
  await checkout.hover();
  await expect(hook.getByTestId("destination-node")).toHaveAttribute("data-emphasis", "lit");
  await expect(demo.getByTestId("source-node")).toHaveAttribute("data-emphasis", "dim");
  await page.screenshot({ path: `${SHOTS}/canvas-hover.png` });
  await page.mouse.move(5, 5);
  await expect(demo.getByTestId("source-node")).toHaveAttribute("data-emphasis", "normal");

  // A destination in another region than the workspace's is marked on its edges.
  await trpcMutation(request, "destinations.create", {
    workspaceId,
    type: "mixpanel",
    name: "Mixpanel EU",
    settings: { projectToken: "token-eu", apiSecret: "secret-eu", region: "EU" },
  });
  await page.reload();
  const mixpanel = destinationNode(page, "Mixpanel EU");
  await expect(mixpanel).toContainText("Cross-region: US → EU");
  await connectByDragging(page, demo, mixpanel);
  const mark = page.getByTestId("cross-region-mark");
  await expect(mark).toHaveText("US → EU");
  await expect(mark).toHaveAttribute("title", /leave the workspace's US region for EU/);

  // A dragged node stays where it was put, after a reload too.
  const before = await hook.evaluate((el) => (el as HTMLElement).style.transform);
  // Sideways, into the free space right of its column: the slot it leaves is the only one on its row.
  const box = (await hook.boundingBox())!;
  const pane = (await page.locator(".react-flow").boundingBox())!;
  const dx = Math.min(220, pane.x + pane.width - (box.x + box.width) - 16);
  await page.mouse.move(box.x + 40, box.y + box.height - 10);
  await page.mouse.down();
  await page.mouse.move(box.x + 40 + dx, box.y + box.height - 10, { steps: 10 });
  await page.mouse.up();
  const moved = await hook.evaluate((el) => (el as HTMLElement).style.transform);
  expect(moved).not.toBe(before);
  // Compared to the pixel: at a zoom other than 1 the dragged position has fractions the store rounds.
  const rounded = (transform: string) => (transform.match(/-?\d+(\.\d+)?/g) ?? []).map((n) => Math.round(Number(n))).join(",");
  await expect
    .poll(async () => {
      await page.reload();
      return rounded(await destinationNode(page, "Order hook").evaluate((el) => (el as HTMLElement).style.transform));
    })
    .toBe(rounded(moved));
  await page.screenshot({ path: `${SHOTS}/canvas-1280.png` });
  expect(await horizontalOverflow(page)).toBe(0);

  // Select the edge from the keyboard, press Delete, confirm.
  await edge.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Delete connection" })).toBeVisible();
  await page.keyboard.press("Delete");
  const dialog = page.getByRole("dialog", { name: "Delete this connection?" });
  await expect(dialog).toContainText("Events from Checkout service will stop going to Order hook");
  await page.screenshot({ path: `${SHOTS}/canvas-delete-confirm.png` });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(edge).toHaveCount(1);
  await page.getByRole("button", { name: "Delete connection" }).click();
  await dialog.getByRole("button", { name: "Delete connection" }).click();
  await expect(edge).toHaveCount(0);
  await page.reload();
  await expect(destinationNode(page, "Order hook")).toBeVisible();
  await expect(edge).toHaveCount(0);
  // The server refusing the ftp:// URL is a 400 the browser logs.
  expect(errors.filter((e) => !e.includes("status of 400") && !e.startsWith("400 POST"))).toEqual([]);
});

test("shows names as text, and fits a narrow window with a list", async ({ page }) => {
  const request = page.request;
  const errors = watchForErrors(page);
  const workspaceId = await openCanvas(page);
  const hostile = `<img src=x onerror="document.title='pwned'"><script>document.title='pwned'</script>`;
  await trpcMutation(request, "sources.create", { workspaceId, name: hostile.slice(0, 100) });
  await page.reload();
  await expect(page.locator(".react-flow__node-source").filter({ hasText: "<img src=x" })).toBeVisible();
  expect(await page.title()).not.toBe("pwned");

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("heading", { name: "Sources", level: 2 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Show canvas" })).toBeVisible();
  expect(await horizontalOverflow(page)).toBe(0);
  await page.screenshot({ path: `${SHOTS}/canvas-390-list.png`, fullPage: true });
  await page.getByRole("button", { name: "Show canvas" }).click();
  await expect(page.locator(".react-flow__node-source").first()).toBeVisible();
  expect(await horizontalOverflow(page)).toBe(0);
  await page.screenshot({ path: `${SHOTS}/canvas-390.png` });

  // Keyboard focus is visible on the header's controls.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.reload();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.locator("summary")).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/canvas-focus.png`, clip: { x: 0, y: 0, width: 1280, height: 120 } });
  expect(errors).toEqual([]);
});
