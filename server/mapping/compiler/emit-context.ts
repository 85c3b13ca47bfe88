import type { Analysis } from "./analyze";
import type { Constants, FunctionScope } from "./emit-scope";
import type { Expression, FilterNode } from "./jsonata-ast";
import type { RuntimeHelper } from "./runtime";

/** Where an expression is evaluated: its context value and the function it is generated into. */
export interface Site {
  /** A JavaScript identifier holding JSONata's context value (`$`). */
  readonly context: string;
  /** The context is known to be an object, not an array (the event itself). */
  readonly contextIsObject: boolean;
  readonly scope: FunctionScope;
  /** The value goes straight into the payload (nothing inspects it before `toPlainJson`). */
  readonly output: boolean;
}

/** What the code generators of the different kinds of node share (see `emit.ts`). */
export interface EmitContext {
  readonly analysis: Analysis;
  readonly constants: Constants;
  /** JavaScript for a node's value, collapsed and filtered as JSONata's `evaluate` leaves it. */
  emit(node: Expression, site: Site): string;
  /** The name of a runtime helper, noted as used. */
  helper(name: RuntimeHelper): string;
  /** A node as a function of one item (a path step, a predicate), in a function of its own. */
  stepFunction(node: Expression): string;
  /** Predicates as the runtime takes them: index numbers and predicate functions. */
  filters(list: readonly FilterNode[]): string;
}

/** The same site for a value that is inspected before it reaches the payload. */
export function inner(site: Site): Site {
  return site.output ? { ...site, output: false } : site;
}
