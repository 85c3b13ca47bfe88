import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

const SHOTS = "e2e/screenshots";
/** Known secret values: none of them may appear anywhere the product shows or logs. */
const SECRETS = ["e2e-mixpanel-secret-Hq7Vw3", "e2e-webhook-shared-Lp9Xc2", "e2e-slack-token-Rt5Mn8"];

type Received = { path: string; headers: IncomingMessage["headers"]; body: string };

/** A stand-in for the destinations' APIs, on loopback. */
async function startSink(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ path: req.url ?? "/", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ status: 1, error: null }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, server };
}

/** Calls a tRPC procedure from the page, so its answer passes through the browser like the app's own. */
async function trpc<T>(page: Page, kind: "query" | "mutation", procedure: string, input: unknown): Promise<T> {
  const answer = await page.evaluate(
    async ({ kind, procedure, input }) => {
      const url = `/api/trpc/${procedure}`;
      const response =
        kind === "query"
          ? await fetch(`${url}?input=${encodeURIComponent(JSON.stringify(input))}`)
          : await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(input) });
      return { status: response.status, body: (await response.json()) as unknown };
    },
    { kind, procedure, input },
  );
  if (answer.status !== 200) throw new Error(`${procedure} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return (answer.body as { result: { data: T } }).result.data;
}

/** The browser reports a refused request's 400 on the console: expected once, then set aside. */
async function expectOneRefusalOnTheConsole(errors: string[]): Promise<void> {
  const refusal = (e: string) => e.includes("status of 400");
  await expect.poll(() => errors.filter(refusal).length).toBe(1);
  errors.splice(errors.findIndex(refusal), 1);
}

test("secrets never appear in an API answer, a page, the delivery log or the server's log; pages keep a strict CSP", async ({ page, request }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  const bodies: Promise<string>[] = [];
  page.on("response", (response) => bodies.push(response.text().catch(() => "")));

  const sink = await startSink();
  try {
    const home = await page.goto("/");
    await expect(page).toHaveURL(/\/w\/[^/]+$/);
    const workspaceId = /\/w\/([^/?#]+)/.exec(page.url())![1]!;

    // Security headers on a page: a nonce-based policy, no framing.
    const headers = home!.headers();
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).toContain("object-src 'none'");
    expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    const health = await request.get("/healthz");
    expect(health.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");

    // The sink is on loopback: an admin allows it, explicitly. Before that, it is refused.
    // Other specs share this workspace and may have allowed loopback already: start from none.
    const reset = await page.evaluate(async (id) => {
      const response = await fetch("/api/trpc/workspaces.setAllowedPrivateHosts", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ workspaceId: id, hosts: [] }) });
      return response.status;
    }, workspaceId);
    expect(reset).toBe(200);
    const refused = await page.evaluate(async (input) => {
      const response = await fetch("/api/trpc/destinations.create", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(input) });
      return { status: response.status, text: await response.text() };
    }, { workspaceId, type: "webhook", name: "Too early", settings: { url: `${sink.url}/hook` } });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("The URL resolves to 127.0.0.1, a loopback address; an admin can allow this host in workspace settings");
    await expectOneRefusalOnTheConsole(errors);
    // An admin allows the sink's host on the workspace's outbound settings page.
    await page.goto(`/w/${workspaceId}/settings/outbound`);
    const hostsField = page.getByLabel("Allowed private hosts");
    await hostsField.fill("http://127.0.0.1/");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.locator("#allowed-hosts-error")).toHaveText('"http://127.0.0.1/" is not a host name, an IP address or host:port (leave out the scheme and path)');
    await expect(hostsField).toHaveAttribute("aria-invalid", "true");
    await expectOneRefusalOnTheConsole(errors);
    await hostsField.fill("127.0.0.1");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status")).toHaveText("Saved.");
    await page.screenshot({ path: `${SHOTS}/outbound-settings.png`, fullPage: true });
    expect(await trpc(page, "query", "workspaces.allowedPrivateHosts", { workspaceId })).toEqual(["127.0.0.1"]);

    const source = await trpc<{ id: string; writeKey: string }>(page, "mutation", "sources.create", { workspaceId, name: "Security check", kind: "http" });
    const created = [
      await trpc<{ id: string; settings: Record<string, unknown> }>(page, "mutation", "destinations.create", {
        workspaceId, type: "mixpanel", name: "Product analytics", settings: { projectToken: "e2e-project", apiSecret: SECRETS[0], baseUrl: sink.url },
      }),
      await trpc<{ id: string; settings: Record<string, unknown> }>(page, "mutation", "destinations.create", {
        workspaceId, type: "webhook", name: "Signed hook", settings: { url: `${sink.url}/hook`, sharedSecret: SECRETS[1] },
      }),
      await trpc<{ id: string; settings: Record<string, unknown> }>(page, "mutation", "destinations.create", {
        workspaceId, type: "slack", name: "Alerts", settings: { webhookUrl: `${sink.url}/services/T1/B1/${SECRETS[2]}` },
      }),
    ];
    expect(created[0]!.settings.apiSecret).toBe("••••••••");
    for (const destination of created) {
      await trpc(page, "mutation", "destinations.connect", { workspaceId, sourceId: source.id, destinationId: destination.id });
    }

    const ingest = await request.post("/v1/batch", {
      headers: { Authorization: `Basic ${Buffer.from(`${source.writeKey}:`).toString("base64")}` },
      data: {
        batch: [
          { type: "identify", userId: "e2e-user", traits: { email: "e2e@example.com" } },
          { type: "track", userId: "e2e-user", event: "Order Completed", properties: { total: 42 } },
        ],
      },
    });
    expect(ingest.status()).toBe(200);

    // Every destination delivers, with its secret in clear on the wire only.
    await expect
      .poll(async () => {
        const counts = await Promise.all(created.map(async (d) => (await trpc<unknown[]>(page, "query", "destinations.deliveries", { workspaceId, id: d.id })).length));
        return counts.every((count) => count > 0);
      }, { timeout: 20_000 })
      .toBe(true);
    expect(sink.received.some((r) => r.headers.authorization === `Basic ${Buffer.from(`${SECRETS[0]}:`).toString("base64")}`)).toBe(true);
    expect(sink.received.some((r) => r.path.includes(SECRETS[2]!))).toBe(true);

    // Open the pages a user looks at, and read what the API shows.
    for (const d of created) {
      await trpc(page, "query", "destinations.get", { workspaceId, id: d.id });
      await trpc(page, "query", "destinations.deliveries", { workspaceId, id: d.id });
    }
    await trpc(page, "query", "destinations.list", { workspaceId });
    await page.goto(`/w/${workspaceId}/sources`);
    await expect(page.getByRole("heading", { level: 1, name: "Sources" })).toBeVisible();
    await page.goto(`/w/${workspaceId}/settings/audit`);
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "destination.create" }).first()).toBeVisible();
    await expect(page.getByRole("cell", { name: "workspace.update" }).first()).toBeVisible();
    await page.getByLabel("Show").selectOption({ label: "Connections" });
    await expect(page.getByRole("cell", { name: "connection.create" }).nth(2)).toBeVisible();
    await expect(page.getByRole("cell", { name: "destination.create" })).toHaveCount(0);
    await page.getByLabel("Show").selectOption({ label: "Everything" });
    await page.screenshot({ path: `${SHOTS}/audit-log.png`, fullPage: true });

    const seen = (await Promise.all(bodies)).join("\n");
    expect(seen).toContain("destination.create"); // the capture works
    const serverLog = readFileSync(path.join(process.cwd(), "test-results", "e2e-server.log"), "utf8");
    for (const secret of SECRETS) {
      expect(seen, "a response the browser received").not.toContain(secret);
      expect(serverLog, "the server's log").not.toContain(secret);
    }
    expect(seen).not.toContain(Buffer.from(`${SECRETS[0]}:`).toString("base64"));
    expect(errors, "console errors, CSP violations among them").toEqual([]);
  } finally {
    await new Promise((resolve) => sink.server.close(resolve));
  }
});
