import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { WalSync } from "./wal-sync";

describe("WalSync", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function walFile(): string {
    const dir = mkdtempSync(path.join(tmpdir(), "wal-sync-"));
    dirs.push(dir);
    const file = path.join(dir, "log.db-wal");
    writeFileSync(file, "frames");
    return file;
  }

  it("gives callers that arrive during a sync a later one, shared among them", async () => {
    const wal = new WalSync(walFile());
    const first = wal.sync();
    const during = [wal.sync(), wal.sync(), wal.sync()];
    expect(during[1]).toBe(during[0]);
    await Promise.all([first, ...during]);
    expect(wal.syncs).toBe(2);
    await wal.sync();
    expect(wal.syncs).toBe(3);
    wal.close();
  });

  it("reopens the file when it was replaced, and fails clearly when it is missing", async () => {
    const file = walFile();
    const wal = new WalSync(file);
    await wal.sync();
    rmSync(file);
    await expect(wal.sync()).rejects.toThrow(/ENOENT/);
    writeFileSync(file, "new frames");
    await wal.sync();
    wal.close();
  });
});
