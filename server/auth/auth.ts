import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { resolveDatabase } from "../database-url";
import { db } from "../db";
import { ownOrigins } from "./auth-options";
import { loadAuthSecret } from "./auth-secret";
import { CLIENT_IP_HEADER } from "./client-ip";
import { consumeSignInAttempt } from "./sign-in-limit";
import { signUpPolicy } from "./sign-up-policy";

function createAuth() {
  const { baseURL, trustedOrigins } = ownOrigins();
  const policy = signUpPolicy(db);
  return betterAuth({
    appName: "Switchyard",
    baseURL,
    basePath: "/api/auth",
    trustedOrigins,
    secret: loadAuthSecret(),
    telemetry: { enabled: false },
    database: prismaAdapter(db, { provider: resolveDatabase().kind === "postgres" ? "postgresql" : "sqlite" }),
    emailAndPassword: { enabled: true, minPasswordLength: 10, maxPasswordLength: 128, autoSignIn: true },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      // Per client address; the stricter per address-and-email rule is in the hook below.
      customRules: { "/sign-in/email": { window: 60, max: 30 }, "/sign-up/email": { window: 60, max: 10 } },
    },
    advanced: {
      cookiePrefix: "switchyard",
      useSecureCookies: baseURL.startsWith("https://"),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const body: unknown = ctx.body;
        const email = typeof body === "object" && body !== null && "email" in body && typeof body.email === "string" ? body.email : "";
        const ip = ctx.headers?.get(CLIENT_IP_HEADER) || "unknown";
        const decision = await consumeSignInAttempt(db, ip, email);
        if (!decision.allowed) {
          throw new APIError(
            "TOO_MANY_REQUESTS",
            { code: "TOO_MANY_SIGN_IN_ATTEMPTS", message: `Too many sign-in attempts. Try again in ${decision.retryAfterSeconds} seconds.` },
            { "Retry-After": String(decision.retryAfterSeconds) },
          );
        }
      }),
    },
    databaseHooks: {
      user: {
        create: {
          before: async (_user, context) => {
            await policy.before(context);
          },
          after: async (user, context) => {
            await policy.after(user, context);
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { switchyardAuth?: Auth };

/** The one better-auth instance of the process, made on first use (after the environment is read). */
export function getAuth(): Auth {
  return (globalForAuth.switchyardAuth ??= createAuth());
}
