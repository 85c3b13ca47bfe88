import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadAuthSecret } from "./auth-secret";

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
