import { spawnSync } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN, SIGNED_OUT } from "./fixtures/accounts";

const SHOTS = "e2e/screenshots";

/** The workspace the admin lands in. */
async function adminWorkspaceId(page: Page): Promise<string> {
  await page.goto("/");
  await expect(page).toHaveURL(/\/w\/[^/]+$/);
  return new URL(page.url()).pathname.split("/")[2]!;
}

function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && !/status of (401|403|429)/.test(message.text())) errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

test("sign-up is closed once an account exists; sign-in says what is wrong and slows down guessing", async ({ browser }) => {
  const context = await browser.newContext(SIGNED_OUT);
  const page = await context.newPage();
  await page.goto("/sign-up");
  await expect(page).toHaveURL(/\/sign-in\?closed=1$/);
  await expect(page.getByText("This Switchyard already has accounts")).toBeVisible();

  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your email address.")).toBeVisible();
  await expect(page.getByText("Enter your password.")).toBeVisible();

  await page.getByLabel("Email").fill("guess@example.test");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel("Password").fill(`guess number ${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await page.getByLabel("Password").fill("guess number 6");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/^Too many sign-in attempts\. Try again in \d+ seconds\.$/);
  await page.screenshot({ path: `${SHOTS}/sign-in-rate-limited.png` });

  // The limit is per address and email: the admin still signs in, and lands where they were going.
  await page.goto("/sign-in?next=/w/elsewhere");
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/w\/elsewhere$/);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();

  await page.goto("/");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
  await context.close();
});

test("an admin invites a viewer by link; the viewer sees the workspace and cannot change anything", async ({ page, browser }) => {
  const errors = watchForErrors(page);
  const workspaceId = await adminWorkspaceId(page);
  const created = await page.request.post("/api/trpc/sources.create", { data: { workspaceId, name: "Checkout API", kind: "node" } });
  expect(created.status()).toBe(200);

  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();
  await expect(page.getByRole("listitem", { name: ADMIN.email })).toBeVisible();
  await page.getByLabel("Role", { exact: true }).selectOption("viewer");
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const link = page.getByTestId("invitation-link");
  await expect(link).toHaveText(/\/invite\/syi_[A-Za-z0-9_-]+$/);
  const invitationUrl = (await link.textContent()) ?? "";
  await expect(page.getByRole("listitem", { name: "Invitation as Viewer" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/members-invite.png`, fullPage: true });

  const viewerContext = await browser.newContext(SIGNED_OUT);
  const viewer = await viewerContext.newPage();
  const viewerErrors = watchForErrors(viewer);
  await viewer.goto(invitationUrl);
  await expect(viewer.getByText("You are invited to join My workspace as a viewer (read only).")).toBeVisible();
  await viewer.screenshot({ path: `${SHOTS}/invitation.png` });
  await viewer.getByLabel("Name").fill("Vera Viewer");
  await viewer.getByLabel("Email").fill("viewer@example.test");
  await viewer.getByLabel("Password").fill("viewer-password");
  await viewer.getByRole("button", { name: "Create account and join" }).click();

  // The workspace home (the canvas), then its sources: readable, with nothing to change.
  await expect(viewer).toHaveURL(new RegExp(`/w/${workspaceId}$`));
  // The canvas: the viewer sees the workspace's wiring, with nothing to add, connect or delete.
  await expect(viewer.getByRole("heading", { level: 1, name: "Connections" })).toBeVisible();
  await expect(viewer.getByRole("link", { name: "Add source" })).toHaveCount(0);
  await expect(viewer.getByRole("link", { name: "Add destination" })).toHaveCount(0);
  await viewer.goto(`/w/${workspaceId}/sources`);
  await expect(viewer.getByRole("heading", { level: 1, name: "Sources" })).toBeVisible();
  await expect(viewer.getByRole("banner")).toContainText("Viewer");
  const row = viewer.getByRole("listitem", { name: "Checkout API", exact: true });
  await expect(row).toBeVisible();
  await expect(viewer.getByText("You can view this workspace.")).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Create source" })).toHaveCount(0);
  await expect(row.getByRole("button", { name: "Rename" })).toHaveCount(0);
  await expect(row.getByRole("button", { name: "Rotate key" })).toHaveCount(0);
  await expect(row.getByRole("button", { name: "Delete" })).toHaveCount(0);
  await expect(row.getByRole("switch", { name: "Enabled" })).toBeDisabled();
  await expect(viewer.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Members" })).toHaveCount(0);
  await viewer.screenshot({ path: `${SHOTS}/viewer-sources.png`, fullPage: true });

  // The server refuses what the page does not offer.
  const read = await viewer.request.get(`/api/trpc/sources.list?input=${encodeURIComponent(JSON.stringify({ workspaceId }))}`);
  expect(read.status()).toBe(200);
  const attempt = await viewer.request.post("/api/trpc/sources.create", { data: { workspaceId, name: "Sneaky" } });
  expect(attempt.status()).toBe(403);
  expect(((await attempt.json()) as { error: { data: { code: string } } }).error.data.code).toBe("FORBIDDEN");
  const invite = await viewer.request.post("/api/trpc/invitations.create", { data: { workspaceId, role: "admin" } });
  expect(invite.status()).toBe(403);
  await viewer.goto(`/w/${workspaceId}/settings/members`);
  await expect(viewer.getByText("Only admins of this workspace manage its members.")).toBeVisible();

  // The admin sees the new member, and the link is used up.
  await page.reload();
  await expect(page.getByRole("listitem", { name: "viewer@example.test" })).toBeVisible();
  await expect(page.getByRole("listitem", { name: "Invitation as Viewer" })).toHaveCount(0);
  await viewer.goto(invitationUrl);
  await expect(viewer.getByRole("heading", { name: "This invitation cannot be used" })).toBeVisible();

  expect(errors).toEqual([]);
  expect(viewerErrors).toEqual([]);
  await viewerContext.close();
});

/** The CLI in its own process, talking to the e2e server with a token (no database of its own). */
function cli(env: Record<string, string>, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ["bin/switchyard.mjs", ...args], {
    env: { ...process.env, DATABASE_URL: "file:/nonexistent/folder/switchyard.db", ...env },
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test("an API token made on the tokens page drives the CLI against the server until it is revoked", async ({ page, baseURL }) => {
  test.setTimeout(90_000); // three CLI processes, each starting TypeScript
  const errors = watchForErrors(page);
  const workspaceId = await adminWorkspaceId(page);
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("A token needs a name.")).toBeVisible();
  await page.getByLabel("Token name").fill("Deploy script");
  await page.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByTestId("new-token");
  await expect(shown).toHaveText(/^sy_[A-Za-z0-9_-]{43}$/);
  const token = (await shown.textContent()) ?? "";
  const row = page.getByRole("listitem", { name: "Deploy script" });
  await expect(row).toContainText(token.slice(0, 9));
  await expect(row).toContainText("last used never");
  await page.screenshot({ path: `${SHOTS}/tokens.png`, fullPage: true });

  const env = { SWITCHYARD_URL: baseURL ?? "", SWITCHYARD_TOKEN: token };
  const created = cli(env, "source", "create", "--name", "Made by the CLI", "--json");
  expect(created.stderr).toBe("");
  expect(JSON.parse(created.stdout)).toMatchObject({ name: "Made by the CLI", workspaceId });
  const listed = cli(env, "source", "list");
  expect(listed.stdout).toContain("Made by the CLI");

  await page.reload();
  await expect(row).not.toContainText("last used never");
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("Revoked");
  const refused = cli(env, "source", "list", "--json");
  expect(refused.code).toBe(1);
  expect(JSON.parse(refused.stderr).error.code).toBe("UNAUTHORIZED");
  expect(errors).toEqual([]);
});

test("a user makes another workspace, becomes its admin and switches between workspaces", async ({ page }) => {
  const errors = watchForErrors(page);
  const firstId = await adminWorkspaceId(page);
  const switcher = page.getByRole("banner").locator("summary");
  await switcher.click();
  await page.getByLabel("New workspace").fill("Staging");
  await page.getByRole("banner").getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("banner")).toContainText("Staging");
  await expect(page).toHaveURL(/\/w\/[^/]+$/);
  expect(page.url()).not.toContain(firstId);
  await page.goto(`${page.url()}/sources`);
  await expect(page.getByRole("heading", { name: "No sources yet" })).toBeVisible();

  await switcher.click();
  await page.screenshot({ path: `${SHOTS}/workspace-switcher.png` });
  await page.getByRole("banner").getByRole("link", { name: /My workspace/ }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${firstId}(/sources)?$`));
  await expect(page.getByRole("banner")).toContainText("My workspace");
  expect(errors).toEqual([]);
});
