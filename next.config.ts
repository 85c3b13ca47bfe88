import type { NextConfig } from "next";
import { COMMON_SECURITY_HEADERS } from "./server/http/security-headers";

const config: NextConfig = {
  poweredByHeader: false,
  // Native drivers and the Prisma runtime load at run time from node_modules; the generated
  // client (server/generated/*, TypeScript) is bundled with the code that imports it.
  serverExternalPackages: [
    "better-sqlite3",
    "pg",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "@prisma/client",
  ],
  turbopack: { root: import.meta.dirname },
  // The Content-Security-Policy, with its per-request nonce, comes from the Switchyard server
  // (server/http/security-headers.ts); these hold for any answer Next.js gives.
  async headers() {
    return [{ source: "/:path*", headers: Object.entries(COMMON_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
};

export default config;
