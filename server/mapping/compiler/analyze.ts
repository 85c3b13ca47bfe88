import { BUILTINS, JSONATA_FUNCTION_NAMES } from "./builtins";
import type { Expression, ExpressionOf, FilterNode } from "./jsonata-ast";
import { Unsupported } from "./jsonata-ast";

/**
 * Decides whether an expression is in the compiled subset and resolves its variables.
 *
 * JSONata scopes are frames created at run time: a block `( ... )` opens one, `$x := ...` binds
 * in the current one, a lambda call opens one under the frame the lambda was defined in. The
 * compiler maps them to JavaScript variables, which is exact when every reference resolves to
 * one frame whatever happens at run time. So binding is allowed only as a statement of a block
 * (not inside a condition or an argument), lambdas only as `$name := function(...) {...}`
 * statements called by name (never passed around, never recursive) or applied at once with
 * `~>`, and a lambda may not use a name its block binds only after the lambda was defined
 * (JSONata would see that later binding).
 */

export interface Binding {
  readonly id: number;
  readonly name: string;
  /** The lambda bound here, for a lambda binding (bound once, used only in calls). */
  readonly lambda: ExpressionOf<"lambda"> | undefined;
}

export type VariableReference =
  | { readonly kind: "context" }
  | { readonly kind: "root" }
  | { readonly kind: "binding"; readonly binding: Binding }
  | { readonly kind: "parameter"; readonly lambda: ExpressionOf<"lambda">; readonly index: number }
  | { readonly kind: "unbound" };

export type CallTarget =
  | { readonly kind: "builtin"; readonly name: string }
  | { readonly kind: "lambda"; readonly binding: Binding; readonly lambda: ExpressionOf<"lambda"> };

export interface Analysis {
  readonly root: Expression;
  readonly variables: ReadonlyMap<ExpressionOf<"variable">, VariableReference>;
  readonly calls: ReadonlyMap<ExpressionOf<"call">, CallTarget>;
  /** The binding each `$name := ...` statement assigns. */
  readonly binds: ReadonlyMap<ExpressionOf<"bind">, Binding>;
  /** Whether `$now()` / `$millis()` are called, so the evaluation reads the clock. */
  readonly readsClock: boolean;
}

type Scope =
  | { readonly kind: "root" }
  | { readonly kind: "block"; readonly parent: Scope; readonly bound: Map<string, Binding>; readonly lambdas: DefinedLambda[] }
  | { readonly kind: "lambda"; readonly parent: Scope; readonly lambda: ExpressionOf<"lambda">; readonly freeNames: Set<string> };

interface DefinedLambda {
  readonly statement: number;
  readonly freeNames: ReadonlySet<string>;
}

/** Throws `Unsupported` when the expression is outside the compiled subset. */
export function analyze(root: Expression): Analysis {
  const variables = new Map<ExpressionOf<"variable">, VariableReference>();
  const calls = new Map<ExpressionOf<"call">, CallTarget>();
  const binds = new Map<ExpressionOf<"bind">, Binding>();
  let nextId = 0;
  let readsClock = false;

  function visit(node: Expression, scope: Scope, isStep = false): void {
    // JSONata reads `stages` only on path steps, and skips them on a first step that is an array constructor
    if (node.stages.length > 0 && !isStep) throw new Unsupported("predicates outside a path step");
    for (const filter of [...node.predicates, ...node.stages]) visitFilter(filter, scope);
    switch (node.kind) {
      case "literal":
      case "name":
        return;
      case "variable":
        variables.set(node, resolveVariable(node.name, scope));
        return;
      case "path":
        node.steps.forEach((step, index) => visit(step, scope, !(index === 0 && step.consarray)));
        return;
      case "binary":
        visit(node.lhs, scope);
        visit(node.rhs, scope);
        return;
      case "negation":
        visit(node.operand, scope);
        return;
      case "array":
        node.items.forEach((item) => visit(item, scope));
        return;
      case "object":
        visitObject(node, scope);
        return;
      case "condition":
        visit(node.test, scope);
        visit(node.then, scope);
        if (node.otherwise !== undefined) visit(node.otherwise, scope);
        return;
      case "block":
        visitBlock(node, scope);
        return;
      case "call":
        visitCall(node, scope);
        return;
      case "apply-lambda":
        if (node.keepArray || node.predicates.length > 0) throw new Unsupported("a filtered application of a lambda");
        visit(node.argument, scope);
        // applied at once, so its names resolve here, as they do for JSONata at this moment
        visitLambda(node.lambda, scope);
        return;
      case "transform":
        visit(node.target, scope);
        visit(node.update, scope);
        if (node.deletions !== undefined) visit(node.deletions, scope);
        return;
      case "bind":
        throw new Unsupported("a binding outside the statements of a block");
      case "lambda":
        throw new Unsupported("a function used as a value");
    }
  }

  function visitFilter(filter: FilterNode, scope: Scope): void {
    if (filter.kind === "predicate") visit(filter.expression, scope);
  }

  function visitObject(node: ExpressionOf<"object">, scope: Scope): void {
    const literalKeys = new Set<string>();
    for (const [key, value] of node.pairs) {
      if (key.kind === "literal" && typeof key.value === "string") {
        // JSONata throws for these when the object is built (D1009, D1013)
        if (literalKeys.has(key.value)) throw new Unsupported("an object with a repeated key");
        if (key.value === "_jsonata_lambda" || key.value === "_jsonata_function") throw new Unsupported("a reserved key");
        literalKeys.add(key.value);
      }
      visit(key, scope);
      visit(value, scope);
    }
  }

  function visitBlock(node: ExpressionOf<"block">, parent: Scope): void {
    const scope: Scope = { kind: "block", parent, bound: new Map(), lambdas: [] };
    const firstBound = new Map<string, number>();
    node.statements.forEach((statement, index) => {
      if (statement.kind !== "bind") {
        visit(statement, scope);
        return;
      }
      if (statement.predicates.length > 0 || statement.stages.length > 0 || statement.keepArray) throw new Unsupported("a filtered binding");
      const { name, value } = statement;
      if (name === "" || name === "$" || JSONATA_FUNCTION_NAMES.has(name)) throw new Unsupported(`a binding of $${name}`);
      const previous = scope.bound.get(name);
      let lambda: ExpressionOf<"lambda"> | undefined;
      if (value.kind === "lambda") {
        if (index === node.statements.length - 1) throw new Unsupported("a block that returns a function");
        lambda = value;
        scope.lambdas.push({ statement: index, freeNames: visitLambda(value, scope) });
      } else {
        visit(value, scope);
      }
      if (previous !== undefined && (previous.lambda !== undefined || lambda !== undefined)) throw new Unsupported(`$${name} bound to a function and rebound`);
      const binding = previous ?? { id: nextId++, name, lambda };
      scope.bound.set(name, binding);
      binds.set(statement, binding);
      if (!firstBound.has(name)) firstBound.set(name, index);
    });
    for (const defined of scope.lambdas) {
      for (const name of defined.freeNames) {
        const first = firstBound.get(name);
        if (first !== undefined && first >= defined.statement) throw new Unsupported(`a function that uses $${name}, bound after it (or recursion)`);
      }
    }
  }

  function visitLambda(lambda: ExpressionOf<"lambda">, parent: Scope): ReadonlySet<string> {
    if (lambda.predicates.length > 0 || lambda.stages.length > 0 || lambda.keepArray) throw new Unsupported("a filtered function");
    const names = new Set(lambda.params);
    if (names.size !== lambda.params.length) throw new Unsupported("a function with a repeated parameter");
    for (const name of names) {
      if (name === "" || name === "$" || JSONATA_FUNCTION_NAMES.has(name)) throw new Unsupported(`a parameter named $${name}`);
    }
    const scope: Scope = { kind: "lambda", parent, lambda, freeNames: new Set() };
    visit(lambda.body, scope);
    return scope.freeNames;
  }

  function visitCall(node: ExpressionOf<"call">, scope: Scope): void {
    node.args.forEach((arg) => visit(arg, scope));
    const found = lookUp(node.name, scope);
    if (found?.kind === "binding") {
      const { lambda } = found.binding;
      if (lambda === undefined) throw new Unsupported(`a call of $${node.name}, which is not a function`);
      // a lambda's result skips the collapse of a tail call in JSONata; keep calls plain
      if (node.keepArray || node.predicates.length > 0) throw new Unsupported("a filtered call of a lambda");
      calls.set(node, { kind: "lambda", binding: found.binding, lambda });
      return;
    }
    if (found !== undefined) throw new Unsupported(`a call of $${node.name}, which is not a function`);
    const builtin = BUILTINS.get(node.name);
    if (builtin === undefined) throw new Unsupported(`the function $${node.name}`);
    if (node.args.length < builtin.minArguments || node.args.length > builtin.maxArguments) {
      throw new Unsupported(`$${node.name} with ${node.args.length} arguments`);
    }
    if (builtin.readsClock) readsClock = true;
    calls.set(node, { kind: "builtin", name: node.name });
  }

  function resolveVariable(name: string, scope: Scope): VariableReference {
    if (name === "") return { kind: "context" };
    if (name === "$") return { kind: "root" };
    const found = lookUp(name, scope);
    if (found === undefined) {
      if (JSONATA_FUNCTION_NAMES.has(name)) throw new Unsupported(`$${name} used as a value`);
      return { kind: "unbound" };
    }
    if (found.kind === "binding" && found.binding.lambda !== undefined) throw new Unsupported(`$${name} used as a value`);
    return found;
  }

  /** Finds what `name` means at this point, noting it as free in every lambda it escapes. */
  function lookUp(name: string, scope: Scope): Exclude<VariableReference, { kind: "context" | "root" | "unbound" }> | undefined {
    let current: Scope = scope;
    for (;;) {
      switch (current.kind) {
        case "root":
          return undefined;
        case "block": {
          const binding = current.bound.get(name);
          if (binding !== undefined) return { kind: "binding", binding };
          current = current.parent;
          break;
        }
        case "lambda": {
          const index = current.lambda.params.indexOf(name);
          if (index !== -1) return { kind: "parameter", lambda: current.lambda, index };
          current.freeNames.add(name);
          current = current.parent;
          break;
        }
      }
    }
  }

  visit(root, { kind: "root" });
  return { root, variables, calls, binds, readsClock };
}
