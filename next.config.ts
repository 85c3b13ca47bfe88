import type { NextConfig } from "next";

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
};

export default config;
