import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { resolveDatabase } from "../database-url";
import { KEY_BYTES, SecretKeyError } from "./secret-box";

/** The environment variables the key comes from. */
export type KeyEnv = { SWITCHYARD_SECRET_KEY?: string; SWITCHYARD_SECRET_KEY_FILE?: string; DATABASE_URL?: string; [name: string]: string | undefined };

export type SecretKeySource = { kind: "env" } | { kind: "file"; file: string; created: boolean };

/**
 * Where the key file lives: SWITCHYARD_SECRET_KEY_FILE, else `secret.key` next to the SQLite
 * database (so the server, the runner and the CLI on one database share it), else
 * `data/secret.key`. Several PostgreSQL hosts should share SWITCHYARD_SECRET_KEY instead.
 */
export function secretKeyFile(env: KeyEnv = process.env): string {
  if (env.SWITCHYARD_SECRET_KEY_FILE) return path.resolve(env.SWITCHYARD_SECRET_KEY_FILE);
  const database = resolveDatabase(env.DATABASE_URL || undefined);
  return database.kind === "sqlite" ? path.join(path.dirname(database.file), "secret.key") : path.resolve("data", "secret.key");
}

function decodeKey(text: string, where: string): Buffer {
  const key = Buffer.from(text.trim(), "base64");
  if (key.length !== KEY_BYTES) {
    throw new SecretKeyError(`${where} must hold ${KEY_BYTES} random bytes in base64 (e.g. \`openssl rand -base64 32\`); it decodes to ${key.length} bytes`);
  }
  return key;
}

/**
 * The key that encrypts destination secrets: SWITCHYARD_SECRET_KEY (base64 of 32 bytes), or
 * the key file, created with mode 0600 on first start.
 */
export function loadSecretKey(env: KeyEnv = process.env): { key: Buffer; source: SecretKeySource } {
  if (env.SWITCHYARD_SECRET_KEY) return { key: decodeKey(env.SWITCHYARD_SECRET_KEY, "SWITCHYARD_SECRET_KEY"), source: { kind: "env" } };
  const file = secretKeyFile(env);
  try {
    return { key: decodeKey(readFileSync(file, "utf8"), `The secret key file ${file}`), source: { kind: "file", file, created: false } };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    // `wx`: when two processes start at once, one creates the file and the other reads it.
    writeFileSync(file, `${randomBytes(KEY_BYTES).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
    chmodSync(file, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return { key: decodeKey(readFileSync(file, "utf8"), `The secret key file ${file}`), source: { kind: "file", file, created: false } };
  }
  return { key: decodeKey(readFileSync(file, "utf8"), `The secret key file ${file}`), source: { kind: "file", file, created: true } };
}

const globalForKey = globalThis as unknown as { switchyardSecretKey?: Buffer };

/** The process's secret key, loaded (or created) once. */
export function secretKey(): Buffer {
  return (globalForKey.switchyardSecretKey ??= loadSecretKey().key);
}
