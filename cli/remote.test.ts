import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqliteTestDatabase } from "../test/sqlite";

process.env.DATABASE_URL = createSqliteTestDatabase();
const { db } = await import("../server/db");
const { resolveDatabase } = await import("../server/database-url");
const { migrate } = await import("../server/migrations");
const { appRouter } = await import("../server/trpc/routers/_app");
const { createRequestContext } = await import("../server/trpc/request-context");
const { ApiTokenService } = await import("../server/tokens/api-token-service");
const { SYSTEM_ACTOR } = await import("../server/auth/actor");
const { createTestUser } = await import("../test/trpc-callers");

let server: Server;
let url = "";
let workspaceId = "";
let editorToken = "";
let viewerToken = "";

/** The tRPC endpoint as the Switchyard server serves it, on a real HTTP port. */
function serveTrpc(): Promise<Server> {
  const http = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const request = new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body: req.method === "GET" ? undefined : Buffer.concat(chunks) });
    const response = await fetchRequestHandler({ endpoint: "/api/trpc", req: request, router: appRouter, createContext: () => createRequestContext(db, request.headers) });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  return new Promise((resolve) => http.listen(0, "127.0.0.1", () => resolve(http)));
}

/** Runs the CLI in its own process with no usable local database: everything goes over HTTP. */
function switchyard(env: Record<string, string>, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["bin/switchyard.mjs", ...args], { env: { ...process.env, DATABASE_URL: "file:/nonexistent/folder/switchyard.db", ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  await migrate(resolveDatabase());
  workspaceId = (await db.workspace.create({ data: { name: "Remote" } })).id;
  const editor = await createTestUser(db, "editor");
  const viewer = await createTestUser(db, "viewer");
  await db.membership.create({ data: { workspaceId, userId: editor.id, role: "editor" } });
  await db.membership.create({ data: { workspaceId, userId: viewer.id, role: "viewer" } });
  const tokens = new ApiTokenService(db, SYSTEM_ACTOR);
  editorToken = (await tokens.create(workspaceId, editor.id, "laptop")).token;
  viewerToken = (await tokens.create(workspaceId, viewer.id, "dashboard")).token;
  server = await serveTrpc();
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await db.$disconnect();
});

// Each CLI run is a Node process starting TypeScript: allow for a busy machine.
describe("the CLI against a server, with an API token", { timeout: 120_000 }, () => {
  it("creates and lists sources and lists destinations as the token's user", async () => {
    const env = { SWITCHYARD_URL: url, SWITCHYARD_TOKEN: editorToken };
    const created = await switchyard(env, "source", "create", "--name", "From the CLI", "--kind", "node", "--json");
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    const source = JSON.parse(created.stdout) as { id: string; workspaceId: string; name: string };
    expect(source).toMatchObject({ name: "From the CLI", workspaceId });
    expect(await db.source.count({ where: { id: source.id } })).toBe(1);

    const listed = await switchyard(env, "source", "list", "--json");
    expect((JSON.parse(listed.stdout) as Array<{ id: string }>).map((s) => s.id)).toEqual([source.id]);
    const table = await switchyard({}, "source", "list", "--url", url, "--token", editorToken);
    expect(table.stdout).toMatch(/^ID\s+NAME\s+KIND/);
    expect(table.stdout).toContain("From the CLI");
    expect(JSON.parse((await switchyard(env, "destination", "list", "--json")).stdout)).toEqual([]);
  });

  it("is refused what the token's user may not do, and says why", async () => {
    const viewer = { SWITCHYARD_URL: url, SWITCHYARD_TOKEN: viewerToken };
    expect((await switchyard(viewer, "source", "list", "--json")).code).toBe(0);
    const refused = await switchyard(viewer, "source", "create", "--name", "Nope", "--json");
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stderr)).toEqual({ error: { code: "FORBIDDEN", message: "This needs the editor role in this workspace (yours: viewer)" } });

    const unknown = await switchyard({ SWITCHYARD_URL: url, SWITCHYARD_TOKEN: "sy_not-a-real-token" }, "source", "list", "--json");
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stderr).error.code).toBe("UNAUTHORIZED");

    const localOnly = await switchyard(viewer, "action", "update", "some-action", "--enabled", "false", "--json");
    expect(localOnly.code).toBe(1);
    expect(JSON.parse(localOnly.stderr).error.message).toMatch(/works on a local database only/);

    const noServer = await switchyard({ SWITCHYARD_URL: "http://127.0.0.1:9", SWITCHYARD_TOKEN: viewerToken }, "source", "list", "--json");
    expect(noServer.code).toBe(1);
    expect(JSON.parse(noServer.stderr).error.code).toBe("UNREACHABLE");
  });
});
