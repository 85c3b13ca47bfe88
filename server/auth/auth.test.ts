import { statSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqliteTestDatabase } from "../../test/sqlite";

process.env.DATABASE_URL = createSqliteTestDatabase();
process.env.SWITCHYARD_AUTH_SECRET = "test-secret-that-is-long-enough-for-signing-0123";
const { db } = await import("../db");
const { resolveDatabase } = await import("../database-url");
const { migrate } = await import("../migrations");
const { getAuth } = await import("./auth");
const { loadAuthSecret } = await import("./auth-secret");
const { INVITATION_HEADER } = await import("./sign-up-policy");
const { CLIENT_IP_HEADER } = await import("./client-ip");
const { SIGN_IN_ATTEMPTS } = await import("./sign-in-limit");
const { createRequestContext } = await import("../trpc/request-context");
const { appRouter } = await import("../trpc/routers/_app");
const { ensureDefaultWorkspace } = await import("../workspaces/workspace-service");

const ORIGIN = "http://127.0.0.1:3000";

async function authCall(route: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return getAuth().handler(
    new Request(`${ORIGIN}/api/auth/${route}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: ORIGIN, [CLIENT_IP_HEADER]: "203.0.113.7", ...headers },
      body: JSON.stringify(body),
    }),
  );
}

/** The session cookie a response sets, as a Cookie header value. */
function sessionCookie(response: Response): string {
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("switchyard.session_token="));
  if (!cookie) throw new Error(`no session cookie in ${response.status} ${JSON.stringify(response.headers.getSetCookie())}`);
  return cookie.split(";")[0]!;
}

type TrpcBody = { result?: { data: unknown }; error?: { message: string; data: { code: string; httpStatus: number } } };

async function trpc(pathAndQuery: string, headers: Record<string, string>, input?: unknown): Promise<{ status: number; body: TrpcBody }> {
  const url = `${ORIGIN}/api/trpc/${pathAndQuery}`;
  const req = input === undefined ? new Request(url, { headers }) : new Request(url, { method: "POST", headers: { ...headers, "Content-Type": "application/json" }, body: JSON.stringify(input) });
  const res = await fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext: () => createRequestContext(db, req.headers) });
  return { status: res.status, body: (await res.json()) as TrpcBody };
}

const q = (input: unknown) => `?input=${encodeURIComponent(JSON.stringify(input))}`;

let workspaceId = "";
let adminCookie = "";

beforeAll(async () => {
  await migrate(resolveDatabase());
  workspaceId = (await ensureDefaultWorkspace(db)).workspace.id;
});
afterAll(async () => {
  await db.$disconnect();
});

describe("accounts", () => {
  it("signs up the first account as admin of the first workspace, in an HTTP-only SameSite=Lax cookie", async () => {
    expect((await trpc("auth.status", {})).body.result?.data).toEqual({ user: null, signUpOpen: true });
    const response = await authCall("sign-up/email", { name: "Ada", email: "Ada@Example.test", password: "correct horse battery" });
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith("switchyard.session_token="))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i); // served over plain http here; https public URLs get Secure
    adminCookie = sessionCookie(response);

    const account = await db.account.findFirstOrThrow({ where: { user: { email: "ada@example.test" } } });
    expect(account.password).toMatch(/^[0-9a-f]+:[0-9a-f]+$/); // scrypt salt:hash, never the password
    expect(account.password).not.toContain("correct horse");

    const { body } = await trpc("workspaces.list", { Cookie: adminCookie });
    expect(body.result?.data).toEqual([expect.objectContaining({ id: workspaceId, role: "admin" })]);
    expect((await trpc("auth.status", { Cookie: adminCookie })).body.result?.data).toEqual({ user: { email: "ada@example.test", name: "Ada" }, signUpOpen: false });
  });

  it("closes sign-up once an account exists, except through a pending invitation", async () => {
    const refused = await authCall("sign-up/email", { name: "Eve", email: "eve@example.test", password: "password-password" });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toMatch(/Sign-up is by invitation/);
    expect(await db.user.count({ where: { email: "eve@example.test" } })).toBe(0);

    const created = await trpc("invitations.create", { Cookie: adminCookie, Origin: ORIGIN }, { workspaceId, role: "viewer" });
    const token = (created.body.result?.data as { token: string }).token;
    expect(token).toMatch(/^syi_/);
    expect(await db.invitation.count({ where: { tokenHash: token } })).toBe(0); // only the hash is stored

    const joined = await authCall("sign-up/email", { name: "Vic", email: "vic@example.test", password: "viewer-password-1" }, { [INVITATION_HEADER]: token });
    expect(joined.status).toBe(200);
    const viewerCookie = sessionCookie(joined);
    expect((await trpc("workspaces.list", { Cookie: viewerCookie })).body.result?.data).toEqual([expect.objectContaining({ id: workspaceId, role: "viewer" })]);

    // A used link does not open sign-up again.
    const reused = await authCall("sign-up/email", { name: "Mal", email: "mal@example.test", password: "password-password" }, { [INVITATION_HEADER]: token });
    expect(reused.status).toBe(403);

    // The viewer reads, and cannot change anything.
    expect((await trpc(`sources.list${q({ workspaceId })}`, { Cookie: viewerCookie })).status).toBe(200);
    const denied = await trpc("sources.create", { Cookie: viewerCookie, Origin: ORIGIN }, { workspaceId, name: "Nope" });
    expect(denied.status).toBe(403);
    expect(denied.body.error?.data.code).toBe("FORBIDDEN");
  });

  it("signs in and out; a signed-out cookie is anonymous", async () => {
    const wrong = await authCall("sign-in/email", { email: "ada@example.test", password: "wrong password!" }, { [CLIENT_IP_HEADER]: "198.51.100.1" });
    expect(wrong.status).toBe(401);
    const signedIn = await authCall("sign-in/email", { email: "ada@example.test", password: "correct horse battery" }, { [CLIENT_IP_HEADER]: "198.51.100.1" });
    expect(signedIn.status).toBe(200);
    const cookie = sessionCookie(signedIn);
    expect((await trpc(`sources.list${q({ workspaceId })}`, { Cookie: cookie })).status).toBe(200);

    const out = await authCall("sign-out", {}, { Cookie: cookie });
    expect(out.status).toBe(200);
    const after = await trpc(`sources.list${q({ workspaceId })}`, { Cookie: cookie });
    expect(after.status).toBe(401);
    expect(after.body.error?.data.code).toBe("UNAUTHORIZED");
  });

  it(`allows ${SIGN_IN_ATTEMPTS} sign-in attempts a minute per address and email, counted in the database`, async () => {
    // The window is a calendar minute: start well inside one.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 45_000) await new Promise((resolve) => setTimeout(resolve, 60_500 - intoMinute));
    const attempt = (ip: string, email: string, password = "not the password") => authCall("sign-in/email", { email, password }, { [CLIENT_IP_HEADER]: ip });
    for (let i = 0; i < SIGN_IN_ATTEMPTS; i++) expect((await attempt("192.0.2.50", "ada@example.test")).status).toBe(401);
    const limited = await attempt("192.0.2.50", "ADA@example.test", "correct horse battery");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await limited.json()) as { message: string }).message).toMatch(/^Too many sign-in attempts\. Try again in \d+ seconds\.$/);
    expect(await db.rateLimit.count({ where: { key: { startsWith: "sign-in|192.0.2.50|ada@example.test|" } } })).toBe(1);
    // Another address, or another email from this address, is not held back.
    expect((await attempt("192.0.2.51", "ada@example.test", "correct horse battery")).status).toBe(200);
    expect((await attempt("192.0.2.50", "vic@example.test", "viewer-password-1")).status).toBe(200);
  });

  it("acts through an API token with its user's current role, until it is revoked", async () => {
    const created = await trpc("tokens.create", { Cookie: adminCookie, Origin: ORIGIN }, { workspaceId, name: "CI" });
    const { token, apiToken } = created.body.result?.data as { token: string; apiToken: { id: string; prefix: string } };
    expect(token).toMatch(/^sy_[A-Za-z0-9_-]{43}$/);
    expect(token.startsWith(apiToken.prefix)).toBe(true);
    const stored = await db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
    expect(stored.tokenHash).not.toContain(token.slice(3, 20));

    const bearer = { Authorization: `Bearer ${token}` };
    const made = await trpc("sources.create", bearer, { workspaceId, name: "From CI" });
    expect(made.status).toBe(200);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { workspaceId, action: "token.create" } });
    expect(audit.actorLabel).toBe("ada@example.test");
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).lastUsedAt).not.toBeNull();

    // Another workspace of the same user is out of the token's reach.
    const other = await trpc("workspaces.create", { Cookie: adminCookie, Origin: ORIGIN }, { name: "Second" });
    const otherId = (other.body.result?.data as { id: string }).id;
    expect((await trpc(`sources.list${q({ workspaceId: otherId })}`, { Cookie: adminCookie })).status).toBe(200);
    expect((await trpc(`sources.list${q({ workspaceId: otherId })}`, bearer)).status).toBe(404);
    expect((await trpc("workspaces.list", bearer)).body.result?.data).toEqual([expect.objectContaining({ id: workspaceId })]);

    // A made-up token is anonymous, and does not fall back to a cookie sent with it.
    expect((await trpc(`sources.list${q({ workspaceId })}`, { Authorization: "Bearer sy_madeup", Cookie: adminCookie })).status).toBe(401);

    await trpc("tokens.revoke", { Cookie: adminCookie, Origin: ORIGIN }, { workspaceId, id: apiToken.id });
    expect((await trpc(`sources.list${q({ workspaceId })}`, bearer)).status).toBe(401);
  });
});

describe("the auth secret", () => {
  it("is made once in a file only its owner can read, and read back afterwards", () => {
    const saved = process.env.SWITCHYARD_AUTH_SECRET;
    delete process.env.SWITCHYARD_AUTH_SECRET;
    try {
      const file = path.join(mkdtempSync(path.join(tmpdir(), "switchyard-secret-")), "data", "auth-secret");
      const first = loadAuthSecret(file);
      expect(first.length).toBeGreaterThanOrEqual(32);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(loadAuthSecret(file)).toBe(first);
    } finally {
      process.env.SWITCHYARD_AUTH_SECRET = saved;
    }
  });
});
