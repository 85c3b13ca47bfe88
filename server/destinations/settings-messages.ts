import type { z } from "zod";

/**
 * Settings messages that read after the field's name in a form ("API key is required"), for
 * zod's generic issues; a message a schema sets itself wins over these.
 */
export function settingsMessage(issue: z.core.$ZodRawIssue): string | undefined {
  const missing = issue.input === undefined || issue.input === null;
  switch (issue.code) {
    case "invalid_type":
      if (missing) return "is required";
      return `must be ${/^[aeiou]/.test(issue.expected) ? "an" : "a"} ${issue.expected}`;
    case "invalid_value":
      return `must be one of ${issue.values.map(String).join(", ")}`;
    case "invalid_format":
      return issue.format === "url" ? "must be a URL" : `must be a valid ${issue.format}`;
    case "too_small":
      return issue.origin === "string" && issue.minimum === 1 ? "is required" : undefined;
    default:
      return undefined;
  }
}
