import { describe, expect, it } from "vitest";
import { maskHeaders, maskSecretsInText, maskSecretValue } from "./masking";

describe("maskSecretValue", () => {
  it.each([
    ["9a7c5e3b1d2f4a6c8e0b2d4f6a8c0e2b", "••••0e2b"],
    ["short", "••••"],
    ["elevenchars", "••••"],
    ["twelve-chars", "••••hars"],
    ["https://hooks.slack.com/services/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", "https://hooks.slack.com/••••wYc1"],
    ["https://example.com", "••••.com"],
  ])("%j → %j", (secret, masked) => {
    expect(maskSecretValue(secret)).toBe(masked);
  });
});

describe("maskSecretsInText", () => {
  const secret = 'k3y/with+odd "chars"';
  it("masks a secret as it appears raw, in JSON, in a URL and in a form body", () => {
    const texts = [secret, JSON.stringify({ key: secret }), `https://x.test/?key=${encodeURIComponent(secret)}`, new URLSearchParams({ key: secret }).toString()];
    for (const text of texts) expect(maskSecretsInText(text, [secret])).not.toMatch(/k3y|odd/);
  });

  it("masks the longer of two overlapping secrets first", () => {
    expect(maskSecretsInText("token=abcdefghijklmnop", ["abcdefghijklmnop", "abcd"])).toBe("token=••••mnop");
  });

  it("ignores empty secrets", () => {
    expect(maskSecretsInText("nothing to hide", [""])).toBe("nothing to hide");
  });
});

describe("maskHeaders", () => {
  it("masks credentials by header name, keeping the scheme, and secrets in other headers", () => {
    expect(
      maskHeaders(
        {
          Authorization: "Basic OWE3YzVlM2IxZDJmNGE2Yzpz",
          "X-Api-Key": "abc",
          "api-key": "abc",
          "X-Auth-Token": "abc",
          "X-Custom": "uses my-secret-value-123 inside",
          "Content-Type": "application/json",
        },
        ["my-secret-value-123"],
      ),
    ).toEqual({
      Authorization: "Basic ••••",
      "X-Api-Key": "••••",
      "api-key": "••••",
      "X-Auth-Token": "••••",
      "X-Custom": "uses ••••-123 inside",
      "Content-Type": "application/json",
    });
  });
});
