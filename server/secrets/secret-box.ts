import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/** Every sealed value starts with this; a value without it is clear text from before encryption. */
export const SEALED_PREFIX = "enc:v1:";

const ALGORITHM = "aes-256-gcm";
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

export class SecretKeyError extends Error {
  readonly name = "SecretKeyError";
}

export function isSealed(value: unknown): value is string {
  return typeof value === "string" && value.startsWith(SEALED_PREFIX);
}

/**
 * Encrypts one value with AES-256-GCM under a fresh random 96-bit IV:
 * `enc:v1:<iv>:<tag>:<ciphertext>`, each part base64url.
 */
export function seal(plaintext: string, key: Buffer): string {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${SEALED_PREFIX}${iv.toString("base64url")}:${cipher.getAuthTag().toString("base64url")}:${ciphertext.toString("base64url")}`;
}

/** Decrypts what `seal` made; a wrong key or a changed value fails with a SecretKeyError. */
export function open(sealed: string, key: Buffer): string {
  checkKey(key);
  if (!isSealed(sealed)) throw new SecretKeyError("Not an encrypted value");
  const parts = sealed.slice(SEALED_PREFIX.length).split(":");
  const [iv, tag, ciphertext] = parts.map((part) => Buffer.from(part, "base64url"));
  if (parts.length !== 3 || iv?.length !== IV_BYTES || tag?.length !== TAG_BYTES || !ciphertext) {
    throw new SecretKeyError("An encrypted secret is damaged (its envelope is not enc:v1:<iv>:<tag>:<ciphertext>)");
  }
  try {
    const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretKeyError(
      "A stored secret could not be decrypted: the secret key (SWITCHYARD_SECRET_KEY or the key file) is not the one it was saved with, or the value was changed",
    );
  }
}

function checkKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new SecretKeyError(`The secret key must be ${KEY_BYTES} bytes, not ${key.length}`);
}
