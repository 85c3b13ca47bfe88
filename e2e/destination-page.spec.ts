import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { HOSTILE, createSource, horizontalOverflow, sendEvent, trpcMutation, watchForErrors, workspaceId } from "./support/api";

const SHOTS = "e2e/screenshots";

/** The webhook's receiving end: refuses "Refused Order" (a final 400) while `refusing`, accepts the rest. */
function startReceiver(): Promise<{ server: Server; url: string; received: string[]; state: { refusing: boolean } }> {
  const received: string[] = [];
  const state = { refusing: true };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      received.push(body);
      const refuse = state.refusing && body.includes("Refused Order");
      res.writeHead(refuse ? 400 : 200, { "Content-Type": "application/json" });
      res.end(JSON.stringify(refuse ? { error: `bad order ${HOSTILE.img}` } : { ok: true }));
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, state })));
}

type Destination = { id: string; actions: Array<{ id: string; name: string }> };

test("a destination page: its delivery log fills, filters, traces an event, redrives dead letters and charts outcomes", async ({ page, baseURL }) => {
  test.setTimeout(60_000);
  const base = baseURL ?? "";
  const errors = watchForErrors(page);
  const receiver = await startReceiver();
  try {
    const api = page.request;
    const workspace = await workspaceId(api);
    // The receiver listens on loopback, which destinations may reach only once an admin allows it.
    await trpcMutation(api, "workspaces.setAllowedPrivateHosts", { workspaceId: workspace, hosts: ["127.0.0.1"] });
    const source = await createSource(api, workspace, "Orders API");
    const destination = await trpcMutation<Destination>(api, "destinations.create", { workspaceId: workspace, type: "webhook", name: "Order hook", settings: { url: receiver.url } });
    await trpcMutation(api, "destinations.connect", { workspaceId: workspace, sourceId: source.id, destinationId: destination.id });

    await page.goto(`/w/${workspace}/destinations/${destination.id}`);
    await expect(page.getByRole("heading", { level: 1, name: "Order hook" })).toBeVisible();
    await expect(page.getByText("healthy", { exact: true }).first()).toBeVisible();
    await expect(page.getByText("Webhook", { exact: true })).toBeVisible();
    await expect(page.getByText("No deliveries yet")).toBeVisible();
    await expect(page.getByText("No deliveries in the last 24 hours.")).toBeVisible();
    const action = destination.actions[0]!;
    await expect(page.getByRole("link", { name: `Edit ${action.name}` })).toHaveAttribute("href", `/w/${workspace}/destinations/${destination.id}/actions/${action.id}`);

    // The log fills without a reload. One event at a time, so that each gets a request of its own.
    const attempts = page.getByTestId("delivery-attempt");
    const events = [
      { userId: "ada", event: "Order Completed", messageId: "order-1", properties: { total: 42 } },
      { userId: "bob", event: "Refused Order", messageId: "refused-1", properties: { total: 1 } },
      { userId: "eve", event: "Hostile Order", messageId: "hostile-1", properties: { html: HOSTILE.script, img: HOSTILE.img } },
    ];
    for (const [index, event] of events.entries()) {
      await sendEvent(base, source.writeKey, "track", event);
      await expect(attempts).toHaveCount(index + 1, { timeout: 15_000 });
    }
    await expect(attempts.filter({ hasText: "Refused Order" })).toContainText("failed");
    await expect(attempts.filter({ hasText: "Order Completed" })).toContainText("succeeded");

    // Filter by status, then expand the failed attempt: request and response as text.
    const status = page.getByLabel("Status");
    await status.selectOption("failed");
    await expect(attempts).toHaveCount(1);
    const failed = attempts.first();
    await failed.getByRole("button").first().click();
    await expect(failed.getByLabel("Request as sent")).toContainText('"event": "Refused Order"');
    await expect(failed.getByLabel("Response body")).toContainText(`bad order ${HOSTILE.img}`);
    await expect(failed).toContainText("HTTP 400");
    await status.selectOption("");
    await expect(attempts).toHaveCount(3);

    // Markup in an event is shown as text in the delivery log too.
    const hostile = attempts.filter({ hasText: "Hostile Order" });
    await hostile.getByRole("button").first().click();
    await expect(hostile.getByLabel("Request as sent")).toContainText(HOSTILE.script);
    await expect(hostile.getByLabel("Request as sent")).toContainText(HOSTILE.img);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);

    // Trace the refused event across every destination.
    await attempts.filter({ hasText: "Refused Order" }).getByRole("button", { name: "Trace across destinations" }).click();
    const trace = page.getByRole("region", { name: "Trace an event" });
    await expect(trace).toContainText("Order hook");
    await expect(trace).toContainText("dead letter");
    await trace.getByLabel("messageId or event position").fill("order-1");
    await trace.getByRole("button", { name: "Trace" }).click();
    await expect(trace).toContainText("Order Completed");
    await expect(trace).toContainText("succeeded");

    // Chart totals count each outcome.
    const legend = page.getByRole("list", { name: "Attempts in the last 24 hours" });
    await expect(legend).toContainText(/succeeded\s*2/i, { timeout: 15_000 });
    await expect(legend).toContainText(/failed\s*1/i);

    // Dead letters: one, then redriven once the receiver accepts it.
    const deadLetters = page.getByRole("region", { name: /^Dead letters/ });
    await expect(deadLetters).toContainText("1 attempt");
    await page.screenshot({ path: `${SHOTS}/destination-page.png`, fullPage: true });
    expect(await horizontalOverflow(page)).toBe(0);

    receiver.state.refusing = false;
    await deadLetters.getByRole("button", { name: "Redrive all" }).click();
    const confirm = page.getByRole("dialog", { name: "Redrive the dead letters of “Order hook”?" });
    await confirm.getByRole("button", { name: "Redrive all" }).click();
    await expect(confirm).toBeHidden();
    await expect(deadLetters).toContainText("1 event is queued to be sent again.");
    await expect(attempts.filter({ hasText: "Refused Order" }).filter({ hasText: "succeeded" })).toHaveCount(1, { timeout: 15_000 });
    await expect(deadLetters).toContainText("None.");

    // An action can be switched off and on.
    const toggle = page.getByRole("switch", { name: `${action.name} enabled` });
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-checked", "false");
    await page.reload();
    await expect(toggle).toHaveAttribute("aria-checked", "false");
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-checked", "true");

    // Settings are edited in place with the same form as when adding a destination.
    const settings = page.getByRole("region", { name: "Settings" });
    await settings.getByRole("button", { name: "Edit settings" }).click();
    await settings.getByLabel(/^URL/).fill(`${receiver.url}?edited=1`);
    await settings.getByRole("button", { name: "Save settings" }).click();
    await expect(settings.getByRole("button", { name: "Edit settings" })).toBeVisible();
    await expect(settings).toContainText("edited=1");

    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByRole("heading", { level: 1, name: "Order hook" })).toBeVisible();
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({ path: `${SHOTS}/destination-page-390.png`, fullPage: true });
    expect(errors).toEqual([]);
  } finally {
    await new Promise((resolve) => receiver.server.close(resolve));
  }
});

test("answers an unknown destination with a not-found page", async ({ page }) => {
  const workspace = await workspaceId(page.request);
  const response = await page.goto(`/w/${workspace}/destinations/no-such-destination`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
