import { expect } from "vitest";
import { MappingError } from "../../errors";
import { createInterpretedMapping } from "../../interpreted-mapping";
import { parseJsonataAst } from "../../jsonata-adapter";
import type { MappingLimits } from "../../limits";
import { DEFAULT_MAPPING_LIMITS } from "../../limits";
import { toPlainJson } from "../../normalize";
import type { CompiledExpression } from "../compile-expression";
import { compileExpression } from "../compile-expression";
import { runCompiled } from "../compiled-kind";
import { FallbackSignal } from "../fallback";

/**
 * Test support: runs a mapping through JSONata's interpreter (as production does, with limits)
 * and through the compiled function, and compares what each produced.
 */

/** What an evaluation ended with, in a form that compares exactly (key order included). */
export type Outcome =
  | { readonly kind: "value"; readonly json: string | undefined }
  | { readonly kind: "error"; readonly name: string; readonly code: string; readonly message: string; readonly location: unknown };

export type CompiledOutcome = Outcome | { readonly kind: "fallback" };

export interface Comparison {
  readonly interpreted: Outcome;
  readonly compiled: CompiledOutcome;
}

const interpreters = new Map<string, ReturnType<typeof createInterpretedMapping>>();
const compiledExpressions = new Map<string, CompiledExpression | string>();

/** The compiled expression for `text`, or the reason it is not compiled. */
export function compiledFor(text: string): CompiledExpression | string {
  let compiled = compiledExpressions.get(text);
  if (compiled === undefined) {
    const outcome = compileExpression(parseJsonataAst(text));
    compiled = outcome.compiled ? outcome.expression : outcome.reason;
    compiledExpressions.set(text, compiled);
  }
  return compiled;
}

export async function interpret(text: string, event: unknown, limits: MappingLimits = DEFAULT_MAPPING_LIMITS): Promise<Outcome> {
  let interpreter = interpreters.get(text);
  if (interpreter === undefined) {
    interpreter = createInterpretedMapping(text);
    interpreters.set(text, interpreter);
  }
  try {
    return valueOutcome(await interpreter.evaluate(event, limits));
  } catch (error) {
    return errorOutcome(error);
  }
}

/**
 * Runs the compiled function alone: its value (normalised as `evaluate` does), or "fallback"
 * when it handed over. Anything thrown other than the fallback signal is a compiler bug.
 */
export function runAlone(expression: CompiledExpression, event: unknown, limits: MappingLimits = DEFAULT_MAPPING_LIMITS): CompiledOutcome {
  const run = runCompiled(expression, event, limits);
  if (!run.ran) {
    if (run.thrown !== undefined && !(run.thrown instanceof FallbackSignal)) throw run.thrown;
    return { kind: "fallback" };
  }
  try {
    return valueOutcome(toPlainJson(run.value, limits.maxDepth));
  } catch (error) {
    return errorOutcome(error);
  }
}

export async function compare(text: string, event: unknown, limits: MappingLimits = DEFAULT_MAPPING_LIMITS): Promise<Comparison> {
  const compiled = compiledFor(text);
  if (typeof compiled === "string") throw new Error(`not compiled (${compiled}): ${text}`);
  // the interpreter may mutate the event (it flags arrays); give each side its own copy
  const copy: unknown = structuredClone(event);
  return { interpreted: await interpret(text, copy, limits), compiled: runAlone(compiled, structuredClone(event), limits) };
}

/** Asserts the compiled function gave the interpreter's result, or handed over where the interpreter failed. */
export function expectSameOutcome(comparison: Comparison, label: string): void {
  const { interpreted, compiled } = comparison;
  if (compiled.kind === "fallback") {
    expect(interpreted.kind, `${label}: the compiled code handed over, but the interpreter succeeded`).toBe("error");
    return;
  }
  expect(compiled, label).toStrictEqual(interpreted);
}

function valueOutcome(value: unknown): Outcome {
  return { kind: "value", json: value === undefined ? undefined : JSON.stringify(value) };
}

function errorOutcome(error: unknown): Outcome {
  if (!(error instanceof MappingError)) throw error;
  return { kind: "error", name: error.name, code: error.code, message: error.message, location: error.location };
}
