import type { ZodType } from "zod";
import { compileMapping } from "./compile";
import type { MappingErrorCode } from "./errors";
import { MappingError } from "./errors";
import { evaluateMapping } from "./evaluate";
import type { JsonValue } from "./json-value";
import type { MappingLimits } from "./limits";
import { validatePayload } from "./validate-payload";

export interface PreviewError {
  readonly code: MappingErrorCode;
  readonly message: string;
  /** The payload field at fault (validation errors). */
  readonly path?: string;
  /** Where in the mapping text (syntax and evaluation errors, when JSONata says). */
  readonly position?: number;
  readonly line?: number;
  readonly column?: number;
  readonly token?: string;
}

export interface PreviewResult {
  readonly ok: boolean;
  /** What the mapping produced; present when evaluation succeeded, even if validation failed. */
  readonly payload?: JsonValue;
  readonly errors: readonly PreviewError[];
}

/**
 * Compiles, evaluates and (with a schema) validates a mapping against one event, for the
 * editor's live preview and `switchyard mapping eval`. Never throws: every failure is an entry
 * in `errors`.
 */
export async function previewMapping(
  text: string,
  event: unknown,
  schema?: ZodType,
  limits?: Partial<MappingLimits>,
): Promise<PreviewResult> {
  let payload: JsonValue | undefined;
  try {
    payload = await evaluateMapping(compileMapping(text), event, limits);
    const errors = schema === undefined ? [] : validationErrors(payload, schema);
    return { ok: errors.length === 0, ...payloadField(payload), errors };
  } catch (error) {
    return { ok: false, ...payloadField(payload), errors: [toPreviewError(error)] };
  }
}

function payloadField(payload: JsonValue | undefined): { payload?: JsonValue } {
  return payload === undefined ? {} : { payload };
}

function validationErrors(payload: JsonValue | undefined, schema: ZodType): PreviewError[] {
  const validation = validatePayload(payload, schema);
  if (validation.ok) return [];
  return validation.issues.map((issue) => ({ code: "PAYLOAD_INVALID", message: issue.message, path: issue.path }));
}

function toPreviewError(error: unknown): PreviewError {
  if (!(error instanceof MappingError)) {
    return { code: "MAPPING_EVALUATION", message: `The mapping could not be evaluated: ${error instanceof Error ? error.message : String(error)}` };
  }
  const { location } = error;
  if (location === undefined) return { code: error.code, message: error.message };
  const { position, line, column, token } = location;
  return { code: error.code, message: error.message, position, line, column, ...(token === undefined ? {} : { token }) };
}
