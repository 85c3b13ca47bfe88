import { describe, expect, it } from "vitest";
import { mixpanel } from "./mixpanel/index";
import { keepUnchangedSecrets, maskSecrets, parseSettings, SECRET_MASK, settingsSchemaFor } from "./settings";
import { slack } from "./slack/index";
import { webhook } from "./webhook/index";

describe("parseSettings", () => {
  it("applies defaults, including the default region", () => {
    expect(parseSettings(mixpanel, { projectToken: "tok" })).toEqual({
      ok: true,
      settings: { projectToken: "tok", groupKey: "company_id", region: "US" },
    });
  });

  it.each([
    [{}, [{ field: "projectToken", message: "is required" }]],
    [{ projectToken: "" }, [{ field: "projectToken", message: "is required" }]],
    [{ projectToken: 42 }, [{ field: "projectToken", message: "must be a string" }]],
    [{ projectToken: "tok", region: "APAC" }, [{ field: "region", message: "must be one of US, EU, IN" }]],
    [{ projectToken: "tok", baseUrl: "not a url" }, [{ field: "baseUrl", message: "must be an http(s) URL" }]],
    [{ projectToken: "tok", baseUrl: "ftp://files.example.com" }, [{ field: "baseUrl", message: "must be an http(s) URL" }]],
    [{ projectToken: "tok", apiKey: "x", token: "y" }, [{ field: "apiKey", message: "is not a setting of Mixpanel" }, { field: "token", message: "is not a setting of Mixpanel" }]],
    [null, [{ field: "projectToken", message: "is required" }]],
  ])("%j → %j", (raw, issues) => {
    expect(parseSettings(mixpanel, raw)).toEqual({ ok: false, issues });
  });

  it("drops unknown settings instead when asked (settings stored by an older version)", () => {
    expect(parseSettings(mixpanel, { projectToken: "tok", retired: true }, { unknownKeys: "strip" })).toMatchObject({ ok: true });
  });

  it("reports a webhook's URL and method field by field", () => {
    expect(parseSettings(webhook, { url: "example.com/hook", method: "GET" })).toEqual({
      ok: false,
      issues: [
        { field: "url", message: "must be an http(s) URL" },
        { field: "method", message: "must be one of POST, PUT, PATCH" },
      ],
    });
  });
});

describe("settingsSchemaFor", () => {
  it("adds region and the base URL override to destinations with regions only", () => {
    expect(Object.keys(settingsSchemaFor(mixpanel).shape)).toEqual(["projectToken", "apiSecret", "groupKey", "region", "baseUrl"]);
    expect(Object.keys(settingsSchemaFor(webhook).shape)).toEqual(["url", "method", "headers", "sharedSecret", "batching"]);
  });
});

describe("maskSecrets", () => {
  it("masks secret settings with one fixed mask and leaves the others", () => {
    const settings = { projectToken: "3f1c9e7a2b4d6f8e", apiSecret: "9a7c5e3b1d2f4a6c8e0b2d4f6a8c0e2b", region: "EU" };
    expect(maskSecrets(mixpanel, settings)).toEqual({ projectToken: "3f1c9e7a2b4d6f8e", apiSecret: SECRET_MASK, region: "EU" });
    const webhookUrl = "https://hooks.slack.com/services/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";
    expect(maskSecrets(slack, { webhookUrl })).toEqual({ webhookUrl: SECRET_MASK });
  });

  it("leaves absent and empty secrets alone", () => {
    expect(maskSecrets(mixpanel, { projectToken: "tok", apiSecret: "" })).toEqual({ projectToken: "tok", apiSecret: "" });
  });
});

describe("keepUnchangedSecrets", () => {
  it("keeps a stored secret that comes back masked, takes a new one, clears an empty one", () => {
    const stored = { projectToken: "tok", apiSecret: "9a7c5e3b1d2f4a6c8e0b2d4f6a8c0e2b" };
    expect(keepUnchangedSecrets(mixpanel, stored, { projectToken: "tok2", apiSecret: SECRET_MASK })).toEqual({ projectToken: "tok2", apiSecret: stored.apiSecret });
    expect(keepUnchangedSecrets(mixpanel, stored, { projectToken: "tok", apiSecret: "new-secret" })).toEqual({ projectToken: "tok", apiSecret: "new-secret" });
    expect(keepUnchangedSecrets(mixpanel, stored, { projectToken: "tok", apiSecret: "" })).toEqual({ projectToken: "tok" });
    expect(keepUnchangedSecrets(mixpanel, { projectToken: "tok" }, { projectToken: "tok", apiSecret: SECRET_MASK })).toEqual({ projectToken: "tok" });
  });
});
