import type { CompiledMapping } from "../compiled-mapping";
import type { JsonValue } from "../json-value";
import type { MappingLimits } from "../limits";
import { DEFAULT_MAPPING_LIMITS } from "../limits";
import { toPlainJson } from "../normalize";
import type { CompiledExpression } from "./compile-expression";
import { evaluationState, STEPS_PER_MILLISECOND } from "./evaluation-state";

/**
 * A mapping compiled to JavaScript. Each evaluation runs the compiled function, or the
 * interpreter when the compiled one cannot promise JSONata's exact result:
 * - before running: the event is not an object, or `maxDepth` / `maxStringLength` are tighter
 *   than this expression could reach (the interpreter might stop it);
 * - while running: at any point where JSONata would throw (a type error, a limit) the compiled
 *   code gives up, and the interpreter produces the error, with its code, message and position.
 * The compiled function is synchronous and has no recursion and no loops but over lists; loops
 * nested over large lists are cut by a budget of items (`countSteps`) instead of a clock, after
 * which the interpreter runs and applies the time limit. It needs no serial queue: nothing can
 * interleave with a synchronous evaluation.
 */
export function createCompiledMapping(text: string, expression: CompiledExpression, interpreter: () => CompiledMapping): CompiledMapping {
  return Object.freeze({
    kind: "compiled" as const,
    text,
    evaluate(event: unknown, limits: MappingLimits = DEFAULT_MAPPING_LIMITS): Promise<JsonValue | undefined> {
      const run = runCompiled(expression, event, limits);
      // usually FallbackSignal; anything unexpected is also the interpreter's to judge
      if (!run.ran) return interpreter().evaluate(event, limits);
      try {
        return Promise.resolve(toPlainJson(run.value, limits.maxDepth));
      } catch (error) {
        return Promise.reject(error);
      }
    },
  });
}

export type CompiledRun = { readonly ran: true; readonly value: unknown } | { readonly ran: false; readonly thrown: unknown };

/** One evaluation of the compiled function, or why it handed over (`thrown` is undefined when it never started). */
export function runCompiled(expression: CompiledExpression, event: unknown, limits: MappingLimits): CompiledRun {
  if (!canCompile(event, limits, expression)) return { ran: false, thrown: undefined };
  try {
    evaluationState.maxStringLength = limits.maxStringLength;
    evaluationState.maxSequenceLength = limits.maxSequenceLength;
    evaluationState.stepsLeft = limits.timeoutMs * STEPS_PER_MILLISECOND;
    if (expression.readsClock) evaluationState.nowMillis = Date.now();
    return { ran: true, value: expression.evaluate(event) };
  } catch (thrown) {
    return { ran: false, thrown };
  }
}

function canCompile(event: unknown, limits: MappingLimits, expression: CompiledExpression): event is object {
  return (
    typeof event === "object" &&
    event !== null &&
    !Array.isArray(event) &&
    limits.maxDepth >= expression.evaluationDepth &&
    limits.maxStringLength >= expression.longestLiteral
  );
}
