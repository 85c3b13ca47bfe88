import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";

export const SHOTS = "e2e/screenshots";

/** Console errors and uncaught exceptions (hydration mismatches among them) fail a test. */
export function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("response", (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  return errors;
}

const ACCOUNT = { name: "Canvas Admin", email: "canvas-admin@example.test", password: "canvas-e2e-password-1" };

/**
 * Signs the page's browser context in: the first account of a fresh installation is created
 * (it becomes admin of the first workspace), later calls sign in to it.
 */
export async function signIn(page: Page, baseURL: string | undefined): Promise<void> {
  const headers = { Origin: baseURL ?? "" };
  // Already signed in (the setup project's admin session): nothing to do.
  const session = await page.request.get("/api/auth/get-session");
  if (session.ok() && (await session.json()) !== null) return;
  const signedIn = await page.request.post("/api/auth/sign-in/email", { data: { email: ACCOUNT.email, password: ACCOUNT.password }, headers });
  if (signedIn.ok()) return;
  const signedUp = await page.request.post("/api/auth/sign-up/email", { data: ACCOUNT, headers });
  expect(signedUp.ok(), await signedUp.text()).toBe(true);
}

/** Opens the home page and returns the workspace id it lands on (the connections canvas). */
export async function openCanvas(page: Page): Promise<string> {
  await page.goto("/");
  await expect(page).toHaveURL(/\/w\/[^/?]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Connections" })).toBeVisible();
  return decodeURIComponent(new URL(page.url()).pathname.split("/")[2]!);
}

export const sourceNode = (page: Page, name: string): Locator => page.locator(".react-flow__node-source").filter({ has: page.locator(`[data-name="${name}"]`) });
export const destinationNode = (page: Page, name: string): Locator =>
  page.locator(".react-flow__node-destination").filter({ has: page.locator(`[data-name="${name}"]`) });

/** Creates a source through the add-source page and lands on its node. */
export async function addSourceThroughUi(page: Page, name: string, kind: string): Promise<void> {
  await page.getByRole("link", { name: "Add source" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a source" })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel(kind).check();
  await page.getByRole("button", { name: "Create source" }).click();
  await expect(page).toHaveURL(/\/w\/[^/]+(\?selected=source.*)?$/);
  await expect(sourceNode(page, name)).toHaveClass(/selected/);
}

/** Drags from a source node's handle to a destination node's handle, as a user connects them. */
export async function connectByDragging(page: Page, from: Locator, to: Locator): Promise<void> {
  // Other tests share the workspace, so the canvas may hold more nodes than fit: show them all first.
  await page.locator(".react-flow__controls-fitview").click();
  await expect(from).toBeInViewport();
  await expect(to).toBeInViewport();
  const start = await from.locator(".react-flow__handle-right").boundingBox();
  const end = await to.locator(".react-flow__handle-left").boundingBox();
  if (!start || !end) throw new Error("handles not on screen");
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 8 });
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 8 });
  await page.mouse.up();
}

/** The edge between two nodes, by their record ids. */
export const edgeBetween = (page: Page, sourceId: string, destinationId: string): Locator =>
  page.locator(`.react-flow__edge[data-id="connection:${sourceId}:${destinationId}"]`);

/** The record id behind a canvas node. */
export async function recordIdOf(node: Locator): Promise<string> {
  const id = (await node.getAttribute("data-id")) ?? "";
  return id.slice(id.indexOf(":") + 1);
}

/** Calls a tRPC mutation over HTTP as the signed-in page, for setup that the test is not about. */
export async function trpcMutation<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const response = await request.post(`/api/trpc/${path}`, { data: input });
  const body = (await response.json()) as { result?: { data: T }; error?: { message: string } };
  if (!response.ok() || !body.result) throw new Error(`${path} failed: ${body.error?.message ?? response.status()}`);
  return body.result.data;
}

/** Calls a tRPC query over HTTP as the signed-in page. */
export async function trpcQuery<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const response = await request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`);
  const body = (await response.json()) as { result?: { data: T }; error?: { message: string } };
  if (!response.ok() || !body.result) throw new Error(`${path} failed: ${body.error?.message ?? response.status()}`);
  return body.result.data;
}

/** Horizontal overflow of the page, in pixels (0 when nothing sticks out sideways). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
