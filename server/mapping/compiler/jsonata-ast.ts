/**
 * The part of JSONata's parse tree (`jsonata(text).ast()`) the compiler handles, typed. JSONata
 * types its tree as `any`; `readExpression` checks each node it reads and throws `Unsupported`
 * for anything else (sorting, wildcards, parent and tuple steps, transforms, regular
 * expressions, partial application, group-by, unknown fields), so the caller falls back to the
 * interpreter. Nothing here is evaluated: the tree only steers code generation.
 */

export class Unsupported extends Error {
  readonly name = "Unsupported";
}

/** A predicate `[...]`: a literal number is an index, anything else is evaluated per item. */
export type FilterNode =
  | { readonly kind: "index"; readonly index: number }
  | { readonly kind: "predicate"; readonly expression: Expression };

interface NodeBase {
  /** JSONata's `[]` suffix: a one-item result stays an array. */
  readonly keepArray: boolean;
  /** Predicates applied to the node's own result (evaluated by JSONata's `evaluate`). */
  readonly predicates: readonly FilterNode[];
  /** Predicates of a path step, applied per item by the step loop. */
  readonly stages: readonly FilterNode[];
  /** An array constructor (or a block holding one) used as a path step: kept whole. */
  readonly consarray: boolean;
  readonly position: number | undefined;
}

export type BinaryOperator = "+" | "-" | "*" | "/" | "%" | "=" | "!=" | "<" | "<=" | ">" | ">=" | "&" | "and" | "or" | "in";

export type Expression =
  | (NodeBase & { readonly kind: "literal"; readonly value: string | number | boolean | null })
  | (NodeBase & { readonly kind: "name"; readonly key: string })
  | (NodeBase & { readonly kind: "variable"; readonly name: string })
  | (NodeBase & { readonly kind: "path"; readonly steps: readonly Expression[]; readonly keepSingletonArray: boolean })
  | (NodeBase & { readonly kind: "binary"; readonly operator: BinaryOperator; readonly lhs: Expression; readonly rhs: Expression })
  | (NodeBase & { readonly kind: "negation"; readonly operand: Expression })
  | (NodeBase & { readonly kind: "array"; readonly items: readonly Expression[] })
  | (NodeBase & { readonly kind: "object"; readonly pairs: readonly (readonly [Expression, Expression])[] })
  | (NodeBase & { readonly kind: "condition"; readonly form: ConditionForm; readonly test: Expression; readonly then: Expression; readonly otherwise: Expression | undefined })
  | (NodeBase & { readonly kind: "block"; readonly statements: readonly Expression[] })
  | (NodeBase & { readonly kind: "bind"; readonly name: string; readonly value: Expression })
  | (NodeBase & { readonly kind: "call"; readonly name: string; readonly args: readonly Expression[] })
  | (NodeBase & { readonly kind: "lambda"; readonly params: readonly string[]; readonly body: Expression })
  /** `value ~> function($x) { ... }`: the lambda applied to the value, once. */
  | (NodeBase & { readonly kind: "apply-lambda"; readonly argument: Expression; readonly lambda: LambdaExpression })
  /** `value ~> | $ | update, deletions |`: a copy of the value, updated, with keys deleted. */
  | (NodeBase & { readonly kind: "transform"; readonly target: Expression; readonly update: Expression; readonly deletions: Expression | undefined });

type LambdaExpression = NodeBase & { readonly kind: "lambda"; readonly params: readonly string[]; readonly body: Expression };

/**
 * `a ?? b` parses as `$exists(a) ? a : b` and `a ?: b` as `a ? a : b`, with `a` copied; knowing
 * the form lets the compiled code evaluate `a` once (evaluation is deterministic).
 */
export type ConditionForm = "plain" | "coalesce" | "default";

export type ExpressionOf<K extends Expression["kind"]> = Extract<Expression, { kind: K }>;

type RawNode = Readonly<Record<string, unknown>>;

const BINARY_OPERATORS: ReadonlySet<string> = new Set(["+", "-", "*", "/", "%", "=", "!=", "<", "<=", ">", ">=", "&", "and", "or", "in"]);

/** Fields every node may carry, on top of the ones its type reads. */
const COMMON_FIELDS = ["type", "value", "position", "keepArray", "predicate", "stages", "consarray"];

const FIELDS_BY_TYPE: Readonly<Record<string, readonly string[]>> = {
  string: [],
  number: [],
  value: [],
  name: [],
  variable: [],
  path: ["steps", "keepSingletonArray"],
  binary: ["lhs", "rhs"],
  unary: ["expression", "expressions", "lhs"],
  condition: ["condition", "then", "else"],
  block: ["expressions"],
  bind: ["lhs", "rhs"],
  function: ["arguments", "procedure", "name"],
  lambda: ["arguments", "signature", "body", "thunk"],
  apply: ["lhs", "rhs"],
};

export function readExpression(raw: unknown): Expression {
  const node = asNode(raw);
  const type = node.type;
  if (typeof type !== "string") throw new Unsupported("a node without a type");
  const allowed = FIELDS_BY_TYPE[type];
  if (allowed === undefined) throw new Unsupported(`${type} expressions`);
  for (const [field, value] of Object.entries(node)) {
    if (value !== undefined && !COMMON_FIELDS.includes(field) && !allowed.includes(field)) throw new Unsupported(`the ${field} of a ${type} node`);
  }
  const base: NodeBase = {
    keepArray: node.keepArray === true,
    predicates: readFilters(node.predicate),
    stages: readFilters(node.stages),
    consarray: node.consarray === true,
    position: typeof node.position === "number" ? node.position : undefined,
  };
  switch (type) {
    case "string":
      return { ...base, kind: "literal", value: stringField(node, "value") };
    case "number":
      return { ...base, kind: "literal", value: numberField(node, "value") };
    case "value":
      return { ...base, kind: "literal", value: constant(node.value) };
    case "name":
      return { ...base, kind: "name", key: stringField(node, "value") };
    case "variable":
      return { ...base, kind: "variable", name: stringField(node, "value") };
    case "path":
      return { ...base, kind: "path", steps: list(node.steps).map(readExpression), keepSingletonArray: node.keepSingletonArray === true };
    case "binary":
      return readBinary(node, base);
    case "unary":
      return readUnary(node, base);
    case "condition":
      return readCondition(node, base);
    case "block":
      return { ...base, kind: "block", statements: list(node.expressions).map(readExpression) };
    case "bind":
      return { ...base, kind: "bind", name: variableName(node.lhs), value: readExpression(node.rhs) };
    case "function":
      return readCall(node, base);
    case "apply":
      return readApply(node, base);
    default:
      return readLambda(node, base);
  }
}

/**
 * `lhs ~> rhs`. A call on the right takes `lhs` as its first argument (JSONata evaluates it as
 * part of the `~>`, which carries the call's `[]` but skips its predicates, so a call with
 * predicates is not compiled); a lambda is applied to `lhs`; a transform
 * `| $ | update, deletions |` copies `lhs` and changes the copy. Anything else on the right (a
 * variable holding a function, a chain of functions) is not compiled.
 */
function readApply(node: RawNode, base: NodeBase): Expression {
  const lhs = readExpression(node.lhs);
  const rhs = asNode(node.rhs);
  switch (rhs.type) {
    case "function": {
      const call = readExpression(rhs);
      if (call.kind !== "call" || call.predicates.length > 0 || call.stages.length > 0) throw new Unsupported("a filtered call after ~>");
      return { ...base, kind: "call", name: call.name, args: [lhs, ...call.args] };
    }
    case "lambda": {
      const lambda = readExpression(rhs);
      if (lambda.kind !== "lambda" || lambda.predicates.length > 0 || lambda.stages.length > 0 || lambda.keepArray) throw new Unsupported("a filtered lambda after ~>");
      return { ...base, kind: "apply-lambda", argument: lhs, lambda };
    }
    case "transform":
      return readTransform(rhs, lhs, base);
    default:
      throw new Unsupported(`~> with a ${String(rhs.type)} on the right`);
  }
}

function readTransform(node: RawNode, target: Expression, base: NodeBase): Expression {
  for (const [field, value] of Object.entries(node)) {
    if (value !== undefined && !["type", "position", "pattern", "update", "delete"].includes(field)) throw new Unsupported(`the ${field} of a transform`);
  }
  // only the whole value as the pattern: `| $ | ... |`
  const pattern = readExpression(node.pattern);
  if (pattern.kind !== "variable" || pattern.name !== "" || pattern.keepArray || pattern.predicates.length > 0 || pattern.stages.length > 0) {
    throw new Unsupported("a transform of something other than $");
  }
  const update = readExpression(node.update);
  const deletions = node.delete === undefined ? undefined : readExpression(node.delete);
  return { ...base, kind: "transform", target, update, deletions };
}

function readBinary(node: RawNode, base: NodeBase): Expression {
  const operator = stringField(node, "value");
  if (!isBinaryOperator(operator)) throw new Unsupported(`the ${operator} operator`);
  return { ...base, kind: "binary", operator, lhs: readExpression(node.lhs), rhs: readExpression(node.rhs) };
}

function isBinaryOperator(operator: string): operator is BinaryOperator {
  return BINARY_OPERATORS.has(operator);
}

function readUnary(node: RawNode, base: NodeBase): Expression {
  switch (node.value) {
    case "-":
      return { ...base, kind: "negation", operand: readExpression(node.expression) };
    case "[":
      return { ...base, kind: "array", items: list(node.expressions).map(readExpression) };
    case "{":
      return {
        ...base,
        kind: "object",
        pairs: list(node.lhs).map((pair) => {
          const [key, value, ...rest] = list(pair);
          if (rest.length > 0) throw new Unsupported("a malformed object pair");
          return [readExpression(key), readExpression(value)] as const;
        }),
      };
    default:
      throw new Unsupported(`the unary ${String(node.value)} operator`);
  }
}

function readCondition(node: RawNode, base: NodeBase): Expression {
  const test = readExpression(node.condition);
  const then = readExpression(node.then);
  const otherwise = node.else === undefined ? undefined : readExpression(node.else);
  return { ...base, kind: "condition", form: conditionForm(node), test, then, otherwise };
}

function conditionForm(node: RawNode): ConditionForm {
  const thenText = JSON.stringify(node.then);
  if (JSON.stringify(node.condition) === thenText) return "default";
  const test = asNode(node.condition);
  if (test.type !== "function" || test.predicate !== undefined || test.keepArray === true) return "plain";
  const procedure = asNode(test.procedure);
  const args = list(test.arguments);
  const coalesce = procedure.type === "variable" && procedure.value === "exists" && args.length === 1 && JSON.stringify(args[0]) === thenText;
  return coalesce ? "coalesce" : "plain";
}

function readCall(node: RawNode, base: NodeBase): Expression {
  if (stringField(node, "value") !== "(") throw new Unsupported("a partial application");
  const procedure = asNode(node.procedure);
  if (procedure.type !== "variable" || procedure.predicate !== undefined || procedure.keepArray === true) {
    throw new Unsupported("a call of something other than a named function");
  }
  return { ...base, kind: "call", name: stringField(procedure, "value"), args: list(node.arguments).map(readExpression) };
}

/**
 * A lambda. JSONata wraps a function call in tail position in a "thunk" lambda (tail-call
 * optimisation); its value is that of the call, so the thunk is read as the call itself.
 */
function readLambda(node: RawNode, base: NodeBase): Expression {
  if (node.thunk === true) {
    const call = readExpression(node.body);
    if (call.kind !== "call") throw new Unsupported("a thunk around something other than a call");
    if (call.keepArray) throw new Unsupported("[] on a call in tail position");
    return call;
  }
  if (node.signature !== undefined) throw new Unsupported("a lambda with a signature");
  const lambda: LambdaExpression = { ...base, kind: "lambda", params: list(node.arguments).map(variableName), body: readExpression(node.body) };
  return lambda;
}

function readFilters(raw: unknown): readonly FilterNode[] {
  if (raw === undefined) return [];
  return list(raw).map((entry) => {
    const filter = asNode(entry);
    if (filter.type !== "filter") throw new Unsupported(`a ${String(filter.type)} stage`);
    const expression = asNode(filter.expr);
    if (expression.type === "number") return { kind: "index", index: numberField(expression, "value") };
    return { kind: "predicate", expression: readExpression(expression) };
  });
}

function variableName(raw: unknown): string {
  const node = asNode(raw);
  if (node.type !== "variable") throw new Unsupported("a binding to something other than a variable");
  return stringField(node, "value");
}

function asNode(raw: unknown): RawNode {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new Unsupported("a malformed node");
  return raw as RawNode;
}

function list(raw: unknown): readonly unknown[] {
  if (!Array.isArray(raw)) throw new Unsupported("a malformed list");
  return raw;
}

function stringField(node: RawNode, field: string): string {
  const value = node[field];
  if (typeof value !== "string") throw new Unsupported(`a non-string ${field}`);
  return value;
}

function numberField(node: RawNode, field: string): number {
  const value = node[field];
  if (typeof value !== "number") throw new Unsupported(`a non-number ${field}`);
  return value;
}

function constant(value: unknown): boolean | null {
  if (typeof value === "boolean" || value === null) return value;
  throw new Unsupported("an unknown constant");
}
