import { describe, expect, it } from "vitest";
import { detailsText } from "./audit-text";

describe("detailsText", () => {
  it("writes changes, lists and settings as one line of text", () => {
    expect(detailsText({ from: "Web", to: "Website" })).toBe("from: Web; to: Website");
    expect(detailsText({ allowedPrivateHosts: { from: [], to: ["127.0.0.1"] } })).toBe('allowedPrivateHosts: [] → ["127.0.0.1"]');
    expect(detailsText({ changed: ["region"], settings: { region: "EU", apiSecret: "••••••••", headers: {} } })).toBe(
      'changed: ["region"]; settings: { region=EU, apiSecret=••••••••, headers={} }',
    );
    expect(detailsText({ name: "<img src=x onerror=alert(1)>" })).toBe("name: <img src=x onerror=alert(1)>");
  });
});
