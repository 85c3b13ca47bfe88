import { describe, expect, it } from "vitest";
import { ownOrigins } from "./auth-options";

describe("own origins", () => {
  it("trusts the address Switchyard listens on", () => {
    expect(ownOrigins({ PORT: "3211", HOST: "127.0.0.1" })).toEqual({ baseURL: "http://127.0.0.1:3211", trustedOrigins: ["http://127.0.0.1:3211", "http://localhost:3211"] });
    expect(ownOrigins({ PORT: "80", HOST: "0.0.0.0" }).trustedOrigins).toEqual(["http://localhost:80", "http://127.0.0.1:80"]);
  });

  it("uses SWITCHYARD_PUBLIC_URL behind a proxy (https there makes cookies Secure)", () => {
    expect(ownOrigins({ PORT: "3000", HOST: "127.0.0.1", SWITCHYARD_PUBLIC_URL: "https://cdp.example.com/" })).toEqual({
      baseURL: "https://cdp.example.com",
      trustedOrigins: ["https://cdp.example.com", "http://127.0.0.1:3000", "http://localhost:3000"],
    });
  });
});
