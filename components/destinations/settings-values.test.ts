import { describe, expect, it } from "vitest";
import type { SettingField } from "./destination-types";
import { initialFormValues, isMaskedSecret, toSettings } from "./settings-values";

const fields: SettingField[] = [
  { name: "url", title: "URL", type: "string", required: true, secret: false, advanced: false },
  { name: "method", title: "Method", type: "string", required: false, secret: false, advanced: false, default: "POST", options: ["POST", "PUT"] },
  { name: "headers", title: "Headers", type: "object", required: false, secret: false, advanced: false, default: {} },
  { name: "sharedSecret", title: "Shared secret", type: "string", required: false, secret: true, advanced: false },
  { name: "batching", title: "Send in batches", type: "boolean", required: false, secret: false, advanced: false, default: false },
  { name: "limit", title: "Limit", type: "integer", required: false, secret: false, advanced: false },
];

describe("destination settings values", () => {
  it("starts from defaults, or from saved settings with secrets still masked", () => {
    expect(initialFormValues(fields, undefined)).toEqual({ url: "", method: "POST", headers: "", sharedSecret: "", batching: false, limit: "" });
    const saved = initialFormValues(fields, { url: "https://x.test", headers: { A: "1" }, sharedSecret: "••••abcd", batching: true, limit: 5 });
    expect(saved).toMatchObject({ url: "https://x.test", headers: '{\n  "A": "1"\n}', sharedSecret: "••••abcd", batching: true, limit: "5" });
    expect(isMaskedSecret(saved.sharedSecret)).toBe(true);
    expect(isMaskedSecret("plain")).toBe(false);
  });

  it("converts inputs to settings and reports what is wrong per field", () => {
    expect(toSettings(fields, { url: "", method: "POST", headers: "{", sharedSecret: "", batching: false, limit: "1.5" }).errors).toEqual({
      url: "is required",
      headers: 'must be valid JSON ({"name": "value"})',
      limit: "must be a whole number",
    });
    expect(toSettings(fields, { url: " https://x.test ", method: "PUT", headers: '{"A":"1"}', sharedSecret: "s", batching: true, limit: "3" })).toEqual({
      settings: { url: "https://x.test", method: "PUT", headers: { A: "1" }, sharedSecret: "s", batching: true, limit: 3 },
      errors: {},
    });
    expect(toSettings(fields, { url: "u", method: "POST", headers: "[1]", sharedSecret: "", batching: false, limit: "" }).errors).toEqual({ headers: "must be a JSON object" });
  });
});
