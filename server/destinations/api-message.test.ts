import { describe, expect, it } from "vitest";
import { apiMessage } from "./api-message";

describe("apiMessage: the telling part of an error body", () => {
  it.each([
    ['{"error":"Invalid API key"}', "Invalid API key"],
    ['{"message":"Not allowed"}', "Not allowed"],
    ['{"error":{"message":"nested reason","code":7}}', "nested reason"],
    ['{"errors":[{"message":"first"},{"message":"second"}]}', "first"],
    ['{"meta":{"error":"Unauthorized request"}}', "Unauthorized request"],
    ['{"meta":{"errors":["bad email"]}}', "bad email"],
    ['{"detail":"Field required"}', "Field required"],
    ["invalid_payload", "invalid_payload"],
    ["  line one\n  line two  ", "line one line two"],
    ["", ""],
    ["{}", "{}"],
  ])("%j → %j", (body, expected) => {
    expect(apiMessage(body)).toBe(expected);
  });
});
