import type { ZodType } from "zod";
import type { PayloadIssue } from "./errors";
import { PayloadValidationError } from "./errors";
import { formatPath } from "./field-path";
import { describeIssue } from "./payload-issues";
import { NOT_SHOWN_VALID, validateQuickly } from "./quick-validation";

export type PayloadValidation<T> = { ok: true; payload: T } | { ok: false; issues: PayloadIssue[] };

/**
 * Checks a payload against an action's fields. On success `payload` is zod's output (defaults
 * applied, unknown keys handled as the schema says), made by `validateQuickly` when it can;
 * a payload it cannot show valid goes through zod, whose issues are reported. The schema must
 * not use async refinements.
 */
export function validatePayload<T>(payload: unknown, schema: ZodType<T>): PayloadValidation<T> {
  const quick = validateQuickly(schema, payload);
  if (quick !== NOT_SHOWN_VALID) return { ok: true, payload: quick as T };
  const result = schema.safeParse(payload, { error: describeIssue });
  if (result.success) return { ok: true, payload: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message, code: issue.code })),
  };
}

/** `validatePayload` for the runner: the valid payload, or a thrown `PayloadValidationError`. */
export function requireValidPayload<T>(payload: unknown, schema: ZodType<T>): T {
  const result = validatePayload(payload, schema);
  if (!result.ok) throw new PayloadValidationError(result.issues);
  return result.payload;
}
