import type { EmitContext, Site } from "./emit-context";
import { stringLiteral } from "./emit-scope";
import type { ExpressionOf } from "./jsonata-ast";

/**
 * `a.b.c` (names only, no predicates or `[]`): the result of `namePath`, which is already what
 * the path evaluates to; from the event itself, a single name is one own-property read.
 * Undefined for any other path.
 */
export function emitNamePath(context: EmitContext, node: ExpressionOf<"path">, site: Site): string | undefined {
  const keys = node.steps.map((step) => (step.kind === "name" && step.predicates.length === 0 && step.stages.length === 0 && !step.keepArray ? step.key : undefined));
  if (node.keepSingletonArray || node.keepArray || node.predicates.length > 0 || !keys.every((key) => key !== undefined)) return undefined;
  const [only] = keys;
  if (site.contextIsObject && keys.length === 1 && only !== undefined) return `${context.helper("lookupOwn")}(${site.context}, ${stringLiteral(only)})`;
  return `${context.helper("namePath")}(${site.context}, ${context.constants.add(JSON.stringify(keys))})`;
}

/** Any other path, step by step through the runtime's mirror of JSONata's path evaluation. */
export function emitPath(context: EmitContext, node: ExpressionOf<"path">, site: Site): string {
  const { steps } = node;
  const { helper } = context;
  const sequence = site.scope.temporary();
  const startsWithVariable = steps[0]?.kind === "variable";
  const parts = steps.map((step, index) => {
    if (index === 0 && step.consarray) return `${sequence} = ${helper("pathConsStep")}(${sequence}, ${context.stepFunction(step)})`;
    const isLast = index === steps.length - 1;
    const stages = step.stages.length === 0 ? "undefined" : context.filters(step.stages);
    const plainName = step.kind === "name" && step.predicates.length === 0;
    const target = plainName ? stringLiteral(step.key) : context.stepFunction(step);
    const keepArray = plainName && step.keepArray;
    return `${sequence} = ${helper("pathStep")}(${sequence}, ${target}, ${String(keepArray)}, ${stages}, ${String(isLast)})`;
  });
  // JSONata stops at the first step that yields nothing
  let chain = parts[parts.length - 1] ?? "";
  for (let index = parts.length - 2; index >= 0; index--) {
    chain = `${parts[index] ?? ""}, ${helper("pathStops")}(${sequence}) || (${chain})`;
  }
  const start = `${sequence} = ${helper("pathStart")}(${site.context}, ${String(startsWithVariable)})`;
  return `(${start}, ${chain}, ${helper("pathEnd")}(${sequence}, ${String(node.keepSingletonArray)}))`;
}
