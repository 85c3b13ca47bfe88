import type { Analysis } from "./analyze";
import type { Expression, FilterNode } from "./jsonata-ast";

/**
 * The most JSONata `evaluate` calls the interpreter can have under way at once for this
 * expression, over every branch. Its `stack` limit (`MappingLimits.maxDepth`) counts exactly
 * that, so with a limit at least this high it never throws, and the compiled code (which has no
 * such check) gives the same result; with a tighter limit the compiled mapping lets the
 * interpreter run. Children evaluated one after the other count as the deepest of them; the
 * items of an array constructor and the values of an object constructor are evaluated together
 * (`Promise.all`, interleaved at every await), so they add up. The subset has no recursion, so
 * the count is finite.
 */
export function evaluationDepth(analysis: Analysis): number {
  const lambdaDepths = new Map<Expression, number>();

  function depth(node: Expression): number {
    return 1 + Math.max(0, ...node.predicates.map(filterDepth), ...childDepths(node));
  }

  function sum(values: readonly number[]): number {
    return values.reduce((total, value) => total + value, 0);
  }

  function filterDepth(filter: FilterNode): number {
    return filter.kind === "predicate" ? depth(filter.expression) : 0;
  }

  function childDepths(node: Expression): number[] {
    switch (node.kind) {
      case "literal":
      case "name":
      case "variable":
      case "lambda":
        return [];
      case "path":
        // a step's own predicates run at the level of the step, inside the path
        return node.steps.flatMap((step) => [depth(step), ...step.stages.map(filterDepth)]);
      case "binary":
        return [depth(node.lhs), depth(node.rhs)];
      case "negation":
        return [depth(node.operand)];
      case "array":
        return [sum(node.items.map(depth))];
      case "object":
        // keys one after the other, then all values together
        return [...node.pairs.map(([key]) => depth(key)), sum(node.pairs.map(([, value]) => depth(value)))];
      case "condition":
        return [depth(node.test), depth(node.then), ...(node.otherwise === undefined ? [] : [depth(node.otherwise)])];
      case "block":
        return node.statements.map(depth);
      case "bind":
        return [depth(node.value)];
      case "call":
        return [1, ...node.args.map(depth), ...calleeDepth(node)];
      case "apply-lambda":
        return [depth(node.argument), 1, depth(node.lambda.body)];
      case "transform":
        // the transform's pattern `$`, update and deletions run inside the `~>`, one after the other
        return [depth(node.target), 1, 1, depth(node.update), ...(node.deletions === undefined ? [] : [depth(node.deletions)])];
    }
  }

  function calleeDepth(node: Extract<Expression, { kind: "call" }>): number[] {
    const target = analysis.calls.get(node);
    if (target?.kind !== "lambda") return [];
    let body = lambdaDepths.get(target.lambda);
    if (body === undefined) {
      body = depth(target.lambda.body);
      lambdaDepths.set(target.lambda, body);
    }
    return [body];
  }

  return depth(analysis.root);
}
