import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalApi, type LocalApi } from "../destinations/testing/local-api";
import { createSqliteTestDatabase } from "../../test/sqlite";

process.env.DATABASE_URL = createSqliteTestDatabase();
const { db } = await import("../db");
const { resolveDatabase } = await import("../database-url");
const { migrate } = await import("../migrations");
const { createTrpcContext } = await import("./init");
const { createTestUser, sessionOf } = await import("../../test/trpc-callers");
const { appRouter } = await import("./routers/_app");

type Body = {
  result?: { data: unknown };
  error?: { message: string; data: { code: string; zodError: { formErrors: string[]; fieldErrors: Record<string, string[]> } | null } };
};

async function mutate(path: string, input: unknown): Promise<{ status: number; body: Body }> {
  const req = new Request(`http://localhost/api/trpc/${path}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(input) });
  const res = await fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext: () => createTrpcContext(db, principal) });
  return { status: res.status, body: (await res.json()) as Body };
}

let workspaceId = "";
let api: LocalApi;
let principal: ReturnType<typeof sessionOf>;

beforeAll(async () => {
  await migrate(resolveDatabase());
  api = await startLocalApi();
  // The connection test reaches the local API only because the workspace allows its host.
  workspaceId = (await db.workspace.create({ data: { name: "Forms", allowedPrivateHosts: JSON.stringify([new URL(api.url).host]) } })).id;
  const user = await createTestUser(db, "editor");
  await db.membership.create({ data: { workspaceId, userId: user.id, role: "editor" } });
  principal = sessionOf(user);
});

afterAll(async () => {
  await api.close();
  await db.$disconnect();
});

describe("destination settings forms over HTTP", () => {
  it("reports refused settings per field, for the form to show beside each input", async () => {
    const { status, body } = await mutate("destinations.create", { workspaceId, type: "webhook", name: "Hook", settings: { url: "not a url", method: "GET", color: "red" } });
    expect(status).toBe(400);
    expect(body.error?.data.zodError?.fieldErrors).toEqual({
      url: ["must be an http(s) URL"],
      method: ["must be one of POST, PUT, PATCH"],
      color: ["is not a setting of Webhook"],
    });

    const missing = await mutate("destinations.create", { workspaceId, type: "customerio", name: "CIO", settings: {} });
    expect(missing.body.error?.data.zodError?.fieldErrors).toEqual({ siteId: ["is required"], apiKey: ["is required"] });
  });

  it("runs a connection test with settings before they are saved, and with stored secrets after", async () => {
    api.reply({ status: 200, body: { data_center: "us" } });
    const passed = await mutate("destinations.testConnection", { workspaceId, type: "customerio", settings: { siteId: "site", apiKey: "key-1234567890ab", baseUrl: api.url } });
    expect(passed.body.result?.data).toEqual({ ok: true });
    expect(api.requests.at(-1)?.headers.authorization).toBe(`Basic ${Buffer.from("site:key-1234567890ab").toString("base64")}`);

    api.reply({ status: 401, body: { meta: { error: "Unauthorized request" } } });
    const refused = await mutate("destinations.testConnection", { workspaceId, type: "customerio", settings: { siteId: "site", apiKey: "wrong-key-1234567", baseUrl: api.url } });
    expect(refused.body.result?.data).toMatchObject({ ok: false, code: "INVALID_CREDENTIALS" });
    expect(JSON.stringify(refused.body)).not.toContain("wrong-key-1234567");

    const created = await mutate("destinations.create", { workspaceId, type: "customerio", name: "CIO", settings: { siteId: "site", apiKey: "key-1234567890ab", baseUrl: api.url } });
    const destination = created.body.result?.data as { id: string; settings: Record<string, string> };
    expect(destination.settings.apiKey).not.toContain("key-1234567890ab");
    api.reply({ status: 200, body: { data_center: "us" } });
    const withMask = await mutate("destinations.testConnection", { workspaceId, type: "customerio", destinationId: destination.id, settings: destination.settings });
    expect(withMask.body.result?.data).toEqual({ ok: true });
    expect(api.requests.at(-1)?.headers.authorization).toBe(`Basic ${Buffer.from("site:key-1234567890ab").toString("base64")}`);

    const invalid = await mutate("destinations.testConnection", { workspaceId, type: "customerio", settings: { siteId: "" } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error?.data.zodError?.fieldErrors).toMatchObject({ siteId: ["is required"], apiKey: ["is required"] });

    const noTest = await mutate("destinations.testConnection", { workspaceId, type: "webhook", settings: { url: "https://example.com" } });
    expect(noTest.status).toBe(400);
    expect(noTest.body.error?.message).toBe("Webhook has no connection test");
  });
});
