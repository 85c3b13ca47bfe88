import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Analytics } from "@segment/analytics-node";
import { expect, test } from "@playwright/test";
import {
  SHOTS,
  addSourceThroughUi,
  connectByDragging,
  destinationNode,
  edgeBetween,
  openCanvas,
  recordIdOf,
  signIn,
  sourceNode,
  trpcMutation,
  trpcQuery,
  watchForErrors,
} from "./canvas-helpers";

/** A webhook receiver on 127.0.0.1 that answers 200 or, once told to, 500. */
function startReceiver() {
  const received: Array<{ event?: string; properties?: Record<string, unknown> }> = [];
  let failing = false;
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      if (failing) {
        res.writeHead(500, { "Content-Type": "text/plain" }).end("receiver is down");
        return;
      }
      try {
        const parsed: unknown = JSON.parse(body);
        for (const item of Array.isArray(parsed) ? parsed : [parsed]) received.push(item as (typeof received)[number]);
      } catch {
        received.push({});
      }
      res.writeHead(200, { "Content-Type": "application/json" }).end("{}");
    });
  });
  return {
    received,
    fail: () => (failing = true),
    listen: () => new Promise<string>((resolve) => server.listen(0, "127.0.0.1", () => resolve(`127.0.0.1:${(server.address() as AddressInfo).port}`))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const HOSTILE = { note: "<script>window.__pwned = 1</script>", image: "<img src=x onerror=window.__pwned=1>" };

test("a person connects a source to a webhook, sees events flow, sees the destination degrade, and disconnects it", async ({ page, baseURL }) => {
  test.setTimeout(150_000);
  const errors = watchForErrors(page);
  const receiver = startReceiver();
  const host = await receiver.listen();
  try {
    await signIn(page, baseURL);
    const workspaceId = await openCanvas(page);
    // The receiver is on loopback: destinations reach it only because an admin allows its host.
    await trpcMutation(page.request, "workspaces.setAllowedPrivateHosts", { workspaceId, hosts: [host] });

    await addSourceThroughUi(page, "Story storefront", "Node.js");
    await page.getByRole("link", { name: "Add destination" }).click();
    await page.getByLabel("Search the catalog").fill("webhook");
    await page.getByRole("list", { name: "Destinations" }).getByRole("button", { name: /Webhook/ }).click();
    await page.getByRole("textbox", { name: "Name", exact: true }).fill("Order receiver");
    await page.getByLabel(/^URL/).fill(`http://${host}/hook`);
    await page.getByRole("button", { name: "Create destination" }).click();
    const storefront = sourceNode(page, "Story storefront");
    const hook = destinationNode(page, "Order receiver");
    await expect(hook).toHaveClass(/selected/);
    await connectByDragging(page, storefront, hook);
    const storefrontId = await recordIdOf(storefront);
    const hookId = await recordIdOf(hook);
    const edge = edgeBetween(page, storefrontId, hookId);
    await expect(edge).toHaveCount(1);

    // The source's page: events from the real Node SDK appear in its live events within a second.
    const { writeKey } = await trpcQuery<{ writeKey: string }>(page.request, "sources.get", { workspaceId, id: storefrontId });
    await storefront.getByRole("link", { name: "Story storefront" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Story storefront" })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
    const live = page.getByTestId("live-event");
    const analytics = new Analytics({ writeKey, host: baseURL!, flushAt: 1 });
    analytics.track({ userId: "user-1", event: "Order Completed", properties: { total: 42, ...HOSTILE } });
    await analytics.closeAndFlush();
    const sentAt = Date.now();
    await expect(live.filter({ hasText: "Order Completed" })).toBeVisible({ timeout: 1_000 });
    console.log(`live event shown ${Date.now() - sentAt} ms after the SDK's flush`);
    const more = new Analytics({ writeKey, host: baseURL!, flushInterval: 50 });
    for (let i = 0; i < 4; i++) more.track({ userId: `user-${i}`, event: "Product Viewed", properties: { index: i } });
    await more.closeAndFlush();
    await expect(live.filter({ hasText: "Product Viewed" })).toHaveCount(4, { timeout: 2_000 });
    const order = live.filter({ hasText: "Order Completed" });
    await order.getByRole("button").first().click();
    await expect(order).toContainText(HOSTILE.note);
    await expect(order).toContainText(HOSTILE.image);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/story-source-page.png`, fullPage: true });

    // The webhook receives them, and the destination's page shows its delivery log filling.
    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(5);
    expect(receiver.received.find((e) => e.event === "Order Completed")?.properties).toMatchObject(HOSTILE);
    await page.goto(`/w/${workspaceId}/destinations/${hookId}`);
    await expect(page.getByRole("heading", { level: 1, name: "Order receiver" })).toBeVisible();
    const attempts = page.getByTestId("delivery-attempt");
    await expect(attempts.filter({ hasText: "Order Completed" }).first()).toContainText("succeeded", { timeout: 15_000 });
    await expect(attempts).toHaveCount(5, { timeout: 15_000 });
    const delivered = attempts.last();
    await delivered.getByRole("button").first().click();
    await expect(delivered.getByLabel("Request as sent")).toContainText(HOSTILE.note);
    await expect(delivered.getByLabel("Request as sent")).toContainText(HOSTILE.image);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/story-destination-page.png`, fullPage: true });

    // Back on the canvas, the source's node shows it is receiving.
    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Connections" }).click();
    await expect(storefront.getByTestId("source-node")).toContainText("Receiving", { timeout: 10_000 });
    await expect(storefront.getByTestId("source-node")).toContainText("5 events / hour");

    // The webhook starts failing: the destination turns degraded on the canvas, with the reason on hover.
    receiver.fail();
    const failing = new Analytics({ writeKey, host: baseURL!, flushInterval: 50 });
    for (let i = 0; i < 30; i++) failing.track({ userId: `user-${i % 3}`, event: "Checkout Started", properties: { attempt: i } });
    await failing.closeAndFlush();
    await expect(hook.getByTestId("destination-node")).toHaveAttribute("data-health", "degraded", { timeout: 45_000 });
    await expect(hook).toContainText("Degraded");
    await expect(hook).toContainText(/\d+ errors \(24h\)/);
    // Other tests share the workspace: bring every node into view before hovering.
    await page.locator(".react-flow__controls-fitview").click();
    await expect(hook).toBeInViewport();
    await hook.hover();
    const reason = page.getByRole("tooltip");
    await expect(reason).toContainText(/deliveries failed in the last 5 minutes/);
    await expect(reason).toContainText("500");
    await page.screenshot({ path: `${SHOTS}/canvas-degraded.png` });

    // Disconnect: select the edge, press Delete, confirm.
    await page.mouse.move(5, 5);
    await edge.click();
    await page.keyboard.press("Delete");
    await page.getByRole("dialog", { name: "Delete this connection?" }).getByRole("button", { name: "Delete connection" }).click();
    await expect(edge).toHaveCount(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
  } finally {
    await receiver.close();
  }
});
