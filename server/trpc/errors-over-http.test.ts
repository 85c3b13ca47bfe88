import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqliteTestDatabase } from "../../test/sqlite";

process.env.DATABASE_URL = createSqliteTestDatabase();
const { db } = await import("../db");
const { resolveDatabase } = await import("../database-url");
const { migrate } = await import("../migrations");
const { createTrpcContext, publicProcedure, router } = await import("./init");
const { appRouter } = await import("./routers/_app");
const { createTestUser, sessionOf } = await import("../../test/trpc-callers");

const testRouter = router({
  app: appRouter,
  broken: publicProcedure.query(() => {
    throw new Error("SQLITE_CORRUPT: database disk image is malformed at /srv/data/switchyard.db");
  }),
});

type ErrorBody = { error: { message: string; data: { code: string; httpStatus: number } } };

/** Mutations are POSTed with their input; queries are sent as GET without one. */
async function call(path: string, input?: unknown): Promise<{ status: number; body: ErrorBody }> {
  const url = `http://localhost/api/trpc/${path}`;
  const req =
    input === undefined
      ? new Request(url)
      : new Request(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(input) });
  const res = await fetchRequestHandler({ endpoint: "/api/trpc", req, router: testRouter, createContext: () => createTrpcContext(db, admin) });
  return { status: res.status, body: (await res.json()) as ErrorBody };
}

let workspaceId = "";
let admin: ReturnType<typeof sessionOf> | null = null;

beforeAll(async () => {
  await migrate(resolveDatabase());
  workspaceId = (await db.workspace.create({ data: { name: "Edge" } })).id;
  const user = await createTestUser(db, "admin");
  await db.membership.create({ data: { workspaceId, userId: user.id, role: "admin" } });
  admin = sessionOf(user);
});

afterAll(async () => {
  await db.$disconnect();
});

describe("tRPC errors over HTTP", () => {
  it("answers an AppError with its code, HTTP status and message", async () => {
    const { status, body } = await call("app.sources.rename", { workspaceId, id: "missing", name: "x" });
    expect(status).toBe(404);
    expect(body.error.data.code).toBe("NOT_FOUND");
    expect(body.error.message).toBe('No source with id "missing" in this workspace');
  });

  it("turns invalid input into one readable line", async () => {
    const { status, body } = await call("app.sources.create", { workspaceId, name: "Ruby", kind: "ruby" });
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/^kind: Invalid option/);
  });

  // (Outside production tRPC also sends the stack, for debugging; `next start` runs in production.)
  it("answers an unexpected failure with a generic message", async () => {
    const { status, body } = await call("broken");
    expect(status).toBe(500);
    expect(body.error.data.code).toBe("INTERNAL_SERVER_ERROR");
    expect(body.error.message).toBe("Something went wrong on the server");
  });
});
