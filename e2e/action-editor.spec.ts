import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

const SHOTS = "e2e/screenshots";

/** A local stand-in for Mixpanel's /import API: records what it receives, answers as Mixpanel does. */
function startMixpanel(): Promise<{ url: string; received: Array<{ path: string; body: unknown }>; server: Server }> {
  const received: Array<{ path: string; body: unknown }> = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      received.push({ path: req.url ?? "", body: JSON.parse(body || "null") as unknown });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ code: 200, num_records_imported: 1, status: "OK" }));
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, server })));
}

async function trpc<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const response = await request.post(`/api/trpc/${path}`, { data: input });
  expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
  return ((await response.json()) as { result: { data: T } }).result.data;
}

/** Opens the workspace of the signed-in admin (the setup project signed them up). */
async function openWorkspace(page: Page): Promise<string> {
  await page.goto("/");
  await expect(page).toHaveURL(/\/w\/[^/]+/);
  return /\/w\/([^/?#]+)/.exec(page.url())![1]!;
}

test("a non-engineer remaps a Mixpanel field visually, checks it in JSONata, saves, diffs, test-sends and restores", async ({ page, baseURL }) => {
  const request = page.request;
  test.setTimeout(120_000);
  const mixpanel = await startMixpanel();
  const appOrigin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  page.on("request", (req) => {
    if (new URL(req.url()).origin !== appOrigin) foreign.push(req.url());
  });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));

  const workspaceId = await openWorkspace(page);
  // The local Mixpanel stand-in listens on loopback: an admin allows that host.
  await trpc(request, "workspaces.setAllowedPrivateHosts", { workspaceId, hosts: ["127.0.0.1"] });
  const destination = await trpc<{ id: string; actions: Array<{ id: string; key: string }> }>(request, "destinations.create", {
    workspaceId,
    type: "mixpanel",
    name: "Product analytics",
    settings: { projectToken: "token-1234567890", apiSecret: "secret-abcdefghijkl", baseUrl: mixpanel.url },
  });
  const source = await trpc<{ id: string; writeKey: string }>(request, "sources.create", { workspaceId, name: "Storefront" });
  await trpc(request, "destinations.connect", { workspaceId, sourceId: source.id, destinationId: destination.id });
  const ingest = await request.post("/v1/track", {
    headers: { Authorization: `Basic ${Buffer.from(`${source.writeKey}:`).toString("base64")}` },
    data: { userId: "user-77", event: "Product Viewed", properties: { name: "Logo T-Shirt", category: "Apparel", price: 24.99 }, context: { traits: { email: "grace@example.com" } } },
  });
  expect(ingest.ok()).toBe(true);
  const actionId = destination.actions.find((a) => a.key === "trackEvent")!.id;

  // Monaco and everything else load from the app's own origin only.
  await page.goto(`/w/${workspaceId}/destinations/${destination.id}/actions/${actionId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Track Event" })).toBeVisible();
  await expect(page.getByTestId("version-badge")).toHaveText("v1");

  // The live event is there and chosen; the preview shows its payload and the request.
  const live = page.getByTestId("recent-samples").getByRole("button", { name: /Product Viewed/ });
  await expect(live).toBeVisible();
  await live.click();
  await expect(live).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("payload")).toContainText('"event": "Product Viewed"');
  await expect(page.getByTestId("request")).toContainText(`POST ${mixpanel.url}/import?strict=1`);
  await expect(page.getByTestId("request")).not.toContainText("secret-abcdefghijkl");
  await expect(page.getByTestId("trigger-matches")).toHaveText("Matches this sample: yes");

  // The trigger, built visually: narrow it to one event name, watch the sample stop matching,
  // then go back to the default. The text form follows every change.
  const trigger = page.getByTestId("trigger");
  const triggerText = trigger.locator("#trigger-text");
  const conditions = trigger.getByTestId("trigger-condition");
  await expect(triggerText).toHaveValue('type = "track"');
  await expect(conditions).toHaveCount(1);
  await expect(conditions.first().getByLabel("Field")).toHaveValue("type");
  await trigger.getByRole("button", { name: "+ Condition" }).click();
  const added = conditions.nth(1);
  await expect(added.getByLabel("Field")).toHaveValue("event");
  await added.getByLabel("Value", { exact: true }).fill("Product Viewed");
  await expect(triggerText).toHaveValue('type = "track" and event = "Product Viewed"');
  await expect(page.getByTestId("trigger-matches")).toHaveText("Matches this sample: yes");
  await added.getByLabel("Value", { exact: true }).fill("Order Completed");
  await expect(page.getByTestId("trigger-matches")).toHaveText("Matches this sample: no");
  await added.getByLabel("Operator").selectOption("contains");
  await added.getByLabel("Value", { exact: true }).fill("Viewed");
  await expect(triggerText).toHaveValue('type = "track" and contains(event, "Viewed")');
  await expect(page.getByTestId("trigger-matches")).toHaveText("Matches this sample: yes");
  await added.getByRole("button", { name: "Remove condition" }).click();
  await expect(triggerText).toHaveValue('type = "track"');

  // Visual view: the event name comes from a missing field -> validation complains by name.
  const eventRow = page.getByTestId("row-event");
  await eventRow.getByRole("button", { name: "Source of event" }).click();
  await page.getByRole("dialog", { name: "Pick a field of the event" }).getByPlaceholder(/Search the event/).fill("userid");
  await page.locator('[data-path="userId"]').click();
  await expect(page.getByTestId("payload")).toContainText('"event": "user-77"');
  // ... then from the product's category, lowercased.
  await eventRow.getByRole("button", { name: "Source of event" }).click();
  await page.getByRole("dialog", { name: "Pick a field of the event" }).getByPlaceholder(/Search the event/).fill("category");
  await page.locator('[data-path="properties.category"]').click();
  await eventRow.getByLabel("Add a transform to event").selectOption("lowercase");
  await expect(eventRow.getByTestId("transform-chip")).toHaveText(["lowercase×"]);
  await expect(page.getByTestId("payload")).toContainText('"event": "apparel"');
  await expect(page.getByTestId("produced-event")).toHaveText('→ "apparel"');
  await expect(page.getByTestId("validation")).toContainText("fits this action");
  await eventRow.getByLabel("How event is filled").selectOption("none");
  await expect(page.getByTestId("validation")).toContainText("event: event is required");
  await expect(eventRow.getByText("Required: choose where event comes from")).toBeVisible();
  await eventRow.getByLabel("How event is filled").selectOption("path");
  await page.getByRole("dialog", { name: "Pick a field of the event" }).getByPlaceholder(/Search the event/).fill("category");
  await page.locator('[data-path="properties.category"]').click();
  await eventRow.getByLabel("Add a transform to event").selectOption("lowercase");
  await expect(page.getByTestId("payload")).toContainText('"event": "apparel"');
  await expect(page.getByTestId("validation")).toContainText("fits this action");
  await page.screenshot({ path: `${SHOTS}/action-editor-visual.png`, fullPage: true });

  // JSONata view: the same mapping, in Monaco; edit it there.
  await page.getByRole("tablist", { name: "Mapping view" }).getByRole("tab", { name: "JSONata" }).click();
  const editor = page.getByTestId("jsonata-editor");
  await expect(editor.locator(".monaco-editor")).toBeVisible();
  await expect(editor).toContainText('"event": $lowercase(properties.category)');
  // Double-click the function's name and type another, as a person would.
  await editor.locator(".view-line", { hasText: "$lowercase(properties.category)" }).locator("span", { hasText: "lowercase" }).last().dblclick();
  await page.keyboard.insertText("uppercase");
  await expect(page.getByTestId("payload")).toContainText('"event": "APPAREL"');
  await page.screenshot({ path: `${SHOTS}/action-editor-jsonata.png`, fullPage: true });
  // A syntax error is shown at its position as you type.
  await page.keyboard.press("Control+End");
  await page.keyboard.insertText(" +");
  await expect(page.getByTestId("mapping-error")).toContainText(/Line \d+, column \d+/);
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Backspace");
  await expect(page.getByTestId("mapping-error")).toHaveCount(0);

  // Back to the visual view: the edit shows as a transform.
  await page.getByRole("tablist", { name: "Mapping view" }).getByRole("tab", { name: "Visual" }).click();
  await expect(eventRow.getByTestId("transform-chip")).toHaveText(["UPPERCASE×"]);
  await expect(eventRow.getByRole("button", { name: "Source of event" })).toContainText("properties.category");

  // Save: version 2, with a diff against version 1.
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("version-badge")).toHaveText("v2");
  await page.getByRole("button", { name: "Versions" }).click();
  const versions = page.getByTestId("versions");
  await expect(versions.locator('[data-version="2"]')).toContainText("saved");
  await expect(versions.locator('[data-version="1"]')).toContainText("created");
  await expect(versions.getByTestId("version-diff")).toContainText("$uppercase(properties.category)");
  await page.screenshot({ path: `${SHOTS}/action-editor-versions.png` });
  await versions.getByRole("button", { name: "Close" }).click();

  // Test-send: a real request to the local Mixpanel, and its answer.
  await expect(page.getByTestId("test-send")).toContainText("Sends a real request to Product analytics");
  await page.getByRole("button", { name: "Send this sample now" }).click();
  await expect(page.getByTestId("test-send-result")).toContainText("Delivered");
  await expect(page.getByTestId("test-send-response")).toContainText("num_records_imported");
  // (The runner also delivers the live event itself, with the saved mapping of its time.)
  const testSent = mixpanel.received.filter((r) => (r.body as Array<{ event: string }>)[0]?.event === "APPAREL");
  expect(testSent).toHaveLength(1);
  expect(testSent[0]!.path).toBe("/import?strict=1");

  // Restore version 1.
  await page.getByRole("button", { name: "Versions" }).click();
  await versions.locator('[data-version="1"]').getByRole("button", { name: "Restore" }).click();
  await expect(page.getByTestId("version-badge")).toHaveText("v3");
  await expect(versions.locator('[data-version="3"]')).toContainText("restored");
  await versions.getByRole("button", { name: "Close" }).click();
  await expect(eventRow.getByRole("button", { name: "Source of event" })).toContainText("event");
  await expect(page.getByTestId("payload")).toContainText('"event": "Product Viewed"');

  expect(foreign, "requests that left for another host").toEqual([]);
  expect(errors).toEqual([]);
  mixpanel.server.close();
});

test("adds a custom HTTP request action to a Webhook destination and opens it in the editor", async ({ page, baseURL }) => {
  const request = page.request;
  const workspaceId = await openWorkspace(page);
  const hook = await trpc<{ id: string }>(request, "destinations.create", { workspaceId, type: "webhook", name: "Partner API", settings: { url: "https://partner.example.com/in" } });
  await page.goto(`/w/${workspaceId}/destinations/${hook.id}/actions/new`);
  await expect(page.getByRole("heading", { level: 1, name: "Add an action" })).toBeVisible();
  const custom = page.getByRole("listitem").filter({ hasText: "Custom HTTP request" });
  await custom.getByRole("button", { name: "Add" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Custom HTTP request" })).toBeVisible();
  await expect(page.getByTestId("row-method")).toBeVisible();
  await expect(page.getByTestId("row-url")).toBeVisible();
  await expect(page.getByTestId("request")).toContainText("POST https://api.example.com/users/");
  await page.screenshot({ path: `${SHOTS}/action-editor-custom-http.png`, fullPage: true });
});
