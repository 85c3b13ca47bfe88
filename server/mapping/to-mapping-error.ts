import type { MappingLimitCode, MappingLocation } from "./errors";
import { MappingError, MappingEvaluationError, MappingLimitError, MappingSyntaxError } from "./errors";
import type { JsonataFailure } from "./jsonata-adapter";
import { readFailure } from "./jsonata-adapter";
import type { MappingLimits } from "./limits";
import { STRING_TOO_LONG } from "./limits";
import { locate } from "./source-position";

/** What JSONata threw while parsing `text`, as a `MappingSyntaxError`. */
export function toSyntaxError(thrown: unknown, text: string): MappingSyntaxError {
  const failure = readFailure(thrown);
  const location = locate(text, failure.position ?? 0, failure.token);
  if (text.trim() === "") {
    return new MappingSyntaxError(
      'The mapping is empty: write a JSONata expression that builds the payload, such as { "email": traits.email }.',
      location,
      failure.code,
      { cause: thrown },
    );
  }
  const message =
    failure.runtimeErrorName === "RangeError"
      ? "The mapping is nested too deeply to be read; split it into smaller expressions."
      : `${sentence(failure.message)}${hint(failure.code)}`;
  return new MappingSyntaxError(`Syntax error ${at(location)}: ${message}`, location, failure.code, { cause: thrown });
}

/** What an evaluation of `text` threw, as a `MappingLimitError` or `MappingEvaluationError`. */
export function toEvaluationError(thrown: unknown, text: string, limits: MappingLimits): MappingError {
  if (thrown instanceof MappingError) return thrown;
  const failure = readFailure(thrown);
  const location = failure.position === undefined ? undefined : locate(text, failure.position, failure.token);
  const where = location === undefined ? "" : ` ${at(location)}`;

  const cause = innermost(failure);
  const limit = limitOf(cause);
  if (limit !== undefined) {
    return new MappingLimitError(limit, limitMessage(limit, cause, limits, where), location, { cause: thrown });
  }
  return new MappingEvaluationError(`The mapping failed${where}: ${sentence(failure.message)}`, location, failure.code, { cause: thrown });
}

/** JSONata's messages for these name the symbol but not the usual cause. */
const SYNTAX_HINTS: Record<string, string> = {
  S0211: " Is there a trailing comma, or an operator with nothing after it?",
  S0201: " Are two values next to each other without an operator or comma between them?",
};

function hint(code: string | undefined): string {
  return code === undefined ? "" : (SYNTAX_HINTS[code] ?? "");
}

function sentence(message: string): string {
  return /[.!?]$/.test(message) ? message : `${message}.`;
}

function at(location: MappingLocation): string {
  return `at line ${location.line}, column ${location.column}`;
}

/** `$eval` wraps the failure of the expression it ran; a limit hit inside it is still a limit. */
function innermost(failure: JsonataFailure): JsonataFailure {
  return failure.inner === undefined ? failure : innermost(failure.inner);
}

function limitOf(failure: JsonataFailure): MappingLimitCode | undefined {
  switch (failure.code) {
    case "D1012":
      return "MAPPING_TIMEOUT";
    case "D1011":
      return "MAPPING_DEPTH";
    case "D2014":
    case "D2015":
    case STRING_TOO_LONG:
      return "MAPPING_SIZE";
  }
  if (failure.runtimeErrorName !== "RangeError") return undefined;
  if (/call stack/i.test(failure.message)) return "MAPPING_DEPTH";
  if (/invalid (string|array) length/i.test(failure.message)) return "MAPPING_SIZE";
  return undefined;
}

function limitMessage(limit: MappingLimitCode, failure: JsonataFailure, limits: MappingLimits, where: string): string {
  switch (limit) {
    case "MAPPING_TIMEOUT":
      return `The mapping ran longer than its ${limits.timeoutMs} ms budget and was stopped${where}. Look for a function that calls itself without end, or a step over a very large list or range.`;
    case "MAPPING_DEPTH":
      return `The mapping nested deeper than ${count(limits.maxDepth)} evaluation steps and was stopped${where}. Look for a recursive function without a case that ends it.`;
    case "MAPPING_SIZE":
      return failure.code === "D2014" || failure.code === "D2015"
        ? `The mapping built a list longer than ${count(limits.maxSequenceLength)} items and was stopped${where}. Check ranges such as [1..n] and steps that multiply lists.`
        : `The mapping built a string longer than ${count(limits.maxStringLength)} characters and was stopped${where}. Check $pad widths and strings joined to themselves.`;
  }
}

function count(value: number): string {
  return value.toLocaleString("en-US");
}
