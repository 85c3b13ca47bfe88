import { expect, test as setup } from "@playwright/test";
import { ADMIN, ADMIN_STATE } from "./fixtures/accounts";

const SHOTS = "e2e/screenshots";

// Runs first, on the fresh database of the e2e server: the first account becomes admin.
setup("signs up the first account, who becomes admin of the first workspace", async ({ page }) => {
  // Visitors are sent to sign in, and on a fresh installation on to sign up.
  await page.goto("/w/anything/sources");
  await expect(page).toHaveURL(/\/sign-up$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-up$/);
  await expect(page.getByRole("heading", { name: "Create the first account" })).toBeVisible();

  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter your name.")).toBeVisible();
  await expect(page.getByText("Enter your email address.")).toBeVisible();
  await expect(page.getByLabel("Name")).toBeFocused();
  await page.getByLabel("Name").fill(ADMIN.name);
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter an email address like name@example.com.")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await page.screenshot({ path: `${SHOTS}/sign-up-errors.png` });

  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/w\/[^/]+$/);
  await expect(page.getByRole("banner")).toContainText("My workspace");
  await expect(page.getByRole("banner")).toContainText(ADMIN.email);
  await expect(page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Members" })).toBeVisible();

  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === "switchyard.session_token");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  await page.context().storageState({ path: ADMIN_STATE });
});
