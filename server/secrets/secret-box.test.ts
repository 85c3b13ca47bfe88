import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { mixpanel } from "../destinations/mixpanel";
import { hasClearSecrets, openSecrets, sealSecrets } from "./destination-secrets";
import { open, seal, SecretKeyError } from "./secret-box";
import { loadSecretKey, secretKeyFile } from "./secret-key";

const key = randomBytes(32);
const SECRET = "mixpanel-api-secret-7f3a9c";

describe("seal and open", () => {
  it("encrypts with a fresh IV each time, into an envelope that does not contain the secret", () => {
    const first = seal(SECRET, key);
    const second = seal(SECRET, key);
    expect(first).toMatch(/^enc:v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]+$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain(SECRET);
    expect(first).not.toContain(Buffer.from(SECRET).toString("base64url"));
    expect(open(first, key)).toBe(SECRET);
    expect(open(second, key)).toBe(SECRET);
  });

  it("fails clearly with the wrong key, a changed value or a damaged envelope", () => {
    const sealed = seal(SECRET, key);
    expect(() => open(sealed, randomBytes(32))).toThrow(SecretKeyError);
    expect(() => open(sealed, randomBytes(32))).toThrow(/could not be decrypted: the secret key \(SWITCHYARD_SECRET_KEY or the key file\) is not the one it was saved with/);
    const parts = sealed.split(":");
    const flipped = Buffer.from(parts[4]!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => open([...parts.slice(0, 4), flipped.toString("base64url")].join(":"), key)).toThrow(/could not be decrypted/);
    expect(() => open("enc:v1:abc", key)).toThrow(/damaged/);
    expect(() => seal(SECRET, randomBytes(16))).toThrow(/must be 32 bytes/);
  });
});

describe("destination settings", () => {
  it("seals only the secret settings, opens them again, and passes clear-text values from before encryption", () => {
    const settings = { projectToken: "proj-token-1", apiSecret: SECRET, region: "EU" };
    const sealed = sealSecrets(mixpanel, settings, key);
    expect(sealed.projectToken).toBe("proj-token-1");
    expect(sealed.region).toBe("EU");
    expect(JSON.stringify(sealed)).not.toContain(SECRET);
    expect(hasClearSecrets(mixpanel, sealed)).toBe(false);
    expect(openSecrets(mixpanel, sealed, key)).toEqual(settings);
    // Sealing twice does not seal the envelope again.
    expect(sealSecrets(mixpanel, sealed, key)).toEqual(sealed);
    // A row saved before encryption still opens, and is reported for sealing.
    expect(hasClearSecrets(mixpanel, settings)).toBe(true);
    expect(openSecrets(mixpanel, settings, key)).toEqual(settings);
  });
});

describe("the secret key", () => {
  it("is created on first start in a file readable by its owner only, then read back", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "switchyard-key-"));
    const env = { DATABASE_URL: `file:${path.join(dir, "switchyard.db")}` };
    expect(secretKeyFile(env)).toBe(path.join(dir, "secret.key"));
    const first = loadSecretKey(env);
    expect(first.source).toEqual({ kind: "file", file: path.join(dir, "secret.key"), created: true });
    expect(first.key).toHaveLength(32);
    expect(statSync(path.join(dir, "secret.key")).mode & 0o777).toBe(0o600);
    const again = loadSecretKey(env);
    expect(again.source).toMatchObject({ created: false });
    expect(again.key.equals(first.key)).toBe(true);
  });

  it("comes from SWITCHYARD_SECRET_KEY or SWITCHYARD_SECRET_KEY_FILE, and a malformed one is refused clearly", () => {
    const value = randomBytes(32);
    expect(loadSecretKey({ SWITCHYARD_SECRET_KEY: value.toString("base64") }).key.equals(value)).toBe(true);
    expect(() => loadSecretKey({ SWITCHYARD_SECRET_KEY: "too-short" })).toThrow(/SWITCHYARD_SECRET_KEY must hold 32 random bytes in base64/);
    const file = path.join(mkdtempSync(path.join(tmpdir(), "switchyard-key-")), "my.key");
    const made = loadSecretKey({ SWITCHYARD_SECRET_KEY_FILE: file });
    expect(readFileSync(file, "utf8").trim()).toBe(made.key.toString("base64"));
    writeFileSync(file, "bm90IGEga2V5");
    expect(() => loadSecretKey({ SWITCHYARD_SECRET_KEY_FILE: file })).toThrow(`The secret key file ${file} must hold 32 random bytes`);
  });
});
