import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Where the session-signing secret is kept when SWITCHYARD_AUTH_SECRET is not set. */
export const AUTH_SECRET_FILE = path.resolve("data", "auth-secret");

/**
 * The secret that signs session cookies: SWITCHYARD_AUTH_SECRET, else a random key kept in
 * data/auth-secret (created on first use, readable by its owner only). Several processes may
 * start at once: the first to create the file wins and the others read it.
 */
export function loadAuthSecret(file: string = AUTH_SECRET_FILE): string {
  const fromEnv = process.env.SWITCHYARD_AUTH_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("SWITCHYARD_AUTH_SECRET must be at least 32 characters long");
    return fromEnv;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    writeFileSync(file, `${randomBytes(32).toString("base64url")}\n`, { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  chmodSync(file, 0o600);
  const secret = readFileSync(file, "utf8").trim();
  if (secret.length < 32) throw new Error(`The auth secret in ${file} is too short; delete the file to make a new one`);
  return secret;
}
