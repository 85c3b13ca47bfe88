import { analyze } from "./analyze";
import { emitProgram } from "./emit";
import { evaluationDepth } from "./evaluation-depth";
import type { Expression } from "./jsonata-ast";
import { readExpression, Unsupported } from "./jsonata-ast";
import { runtime } from "./runtime";

/** A mapping compiled to JavaScript, with what decides whether a given evaluation may use it. */
export interface CompiledExpression {
  /** Evaluates over an event object; throws `FallbackSignal` (or anything) to hand over to the interpreter. */
  readonly evaluate: (root: object) => unknown;
  /** The interpreter's deepest evaluation nesting for this expression (see `evaluation-depth.ts`). */
  readonly evaluationDepth: number;
  /** The longest string literal: JSONata checks literals against `maxStringLength` too. */
  readonly longestLiteral: number;
  /** Whether `$now()` / `$millis()` are called. */
  readonly readsClock: boolean;
  /** The generated JavaScript, for tests and debugging. */
  readonly source: string;
}

export type CompileOutcome =
  | { readonly compiled: true; readonly expression: CompiledExpression }
  | { readonly compiled: false; readonly reason: string };

type Factory = (rt: typeof runtime, fns: readonly ((...args: unknown[]) => unknown)[]) => (root: object) => unknown;

/**
 * Compiles JSONata's parse tree of a mapping, or says why it stays with the interpreter.
 * The function is built once per mapping text (the caller caches it).
 */
export function compileExpression(tree: unknown): CompileOutcome {
  let root: Expression;
  try {
    root = readExpression(tree);
    const analysis = analyze(root);
    const { source, functions } = emitProgram(analysis);
    // the source is built from the parse tree only: literals are JSON-encoded, names generated
    const factory = new Function("rt", "fns", source) as Factory;
    return {
      compiled: true,
      expression: {
        evaluate: factory(runtime, functions),
        evaluationDepth: evaluationDepth(analysis),
        longestLiteral: longestLiteral(root),
        readsClock: analysis.readsClock,
        source,
      },
    };
  } catch (error) {
    if (error instanceof Unsupported) return { compiled: false, reason: error.message };
    // a fault of the compiler must not stop the mapping: the interpreter can still run it
    return { compiled: false, reason: `compiler error: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function longestLiteral(node: Expression): number {
  let longest = node.kind === "literal" && typeof node.value === "string" ? node.value.length : 0;
  const visit = (child: Expression): void => {
    longest = Math.max(longest, longestLiteral(child));
  };
  for (const filter of [...node.predicates, ...node.stages]) if (filter.kind === "predicate") visit(filter.expression);
  switch (node.kind) {
    case "path":
      node.steps.forEach(visit);
      break;
    case "binary":
      visit(node.lhs);
      visit(node.rhs);
      break;
    case "negation":
      visit(node.operand);
      break;
    case "array":
      node.items.forEach(visit);
      break;
    case "object":
      node.pairs.forEach(([key, value]) => {
        visit(key);
        visit(value);
      });
      break;
    case "condition":
      visit(node.test);
      visit(node.then);
      if (node.otherwise !== undefined) visit(node.otherwise);
      break;
    case "block":
      node.statements.forEach(visit);
      break;
    case "bind":
      visit(node.value);
      break;
    case "call":
      node.args.forEach(visit);
      break;
    case "lambda":
      visit(node.body);
      break;
    case "apply-lambda":
      visit(node.argument);
      visit(node.lambda.body);
      break;
    case "transform":
      visit(node.target);
      visit(node.update);
      if (node.deletions !== undefined) visit(node.deletions);
      break;
    case "literal":
    case "name":
    case "variable":
      break;
  }
  return longest;
}
