import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

describe("where sign-in goes next", () => {
  it("keeps paths on this site and turns anything else into the home page", () => {
    expect(safeNext("/w/abc/sources?x=1")).toBe("/w/abc/sources?x=1");
    expect(safeNext(["/invite/syi_1", "/other"])).toBe("/invite/syi_1");
    for (const outside of [undefined, "", "https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"]) expect(safeNext(outside)).toBe("/");
  });
});
