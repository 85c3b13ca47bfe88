import { generateMapping, valueText } from "./generate-mapping";
import { hasOnly, isNode, shapeOf, treeOf, type Node } from "./jsonata-tree";
import { skipBlank, splitObject, type SplitPair } from "./split-object";
import type { Constant, MappingModel, MappingRow, TemplatePart, Transform, ValueSource } from "./types";

/**
 * Reads a mapping into the visual view's rows: the payload's object constructor (at the top, or
 * as the last expression of a block), each field a path, constant, template or transform chain,
 * nested objects, and lists built item by item. Anything else is an expression row holding the
 * field's original text; a mapping that is not an object at all is one expression.
 * Every row is checked: its JSONata must parse exactly as the original does.
 */
export function parseMapping(text: string): MappingModel {
  const tree = treeOf(text);
  if (!tree) return { kind: "expression", text, reason: "The mapping has a syntax error" };
  const start = objectStart(text, tree);
  if (start === null) return { kind: "expression", text, reason: "The mapping does not build one object of fields, so it is shown as JSONata" };
  const split = splitObject(text, start);
  if (!split) return { kind: "expression", text, reason: "The mapping's object could not be read" };
  const rows = readPairs(split.pairs);
  if (!rows) return { kind: "expression", text, reason: "The mapping's fields are computed, so it is shown as JSONata" };
  const model: MappingModel = { kind: "rows", prefix: text.slice(0, start), suffix: text.slice(split.end), rows };
  if (shapeOf(treeOf(generateMapping(model))) !== shapeOf(tree)) {
    return { kind: "expression", text, reason: "The mapping could not be shown field by field without changing it" };
  }
  return model;
}

/** Where the payload's `{` is: the whole expression, or the last one of a block. */
function objectStart(text: string, tree: Node): number | null {
  if (isObjectConstructor(tree)) {
    const start = skipBlank(text, 0);
    return text[start] === "{" ? start : null;
  }
  if (tree.type === "block" && Array.isArray(tree.expressions) && hasOnly(tree, ["type", "expressions"])) {
    const last: unknown = tree.expressions.at(-1);
    if (!isNode(last) || !isObjectConstructor(last) || typeof last.position !== "number") return null;
    const start = last.position - 1;
    return text[start] === "{" ? start : null;
  }
  return null;
}

function isObjectConstructor(node: Node): boolean {
  return node.type === "unary" && node.value === "{" && Array.isArray(node.lhs) && hasOnly(node, ["type", "value", "lhs"]);
}

function readPairs(pairs: readonly SplitPair[]): MappingRow[] | null {
  const rows: MappingRow[] = [];
  for (const pair of pairs) {
    const keyTree = treeOf(pair.keyText);
    if (!keyTree || keyTree.type !== "string" || typeof keyTree.value !== "string") return null;
    rows.push(readRow(keyTree.value, pair.valueText));
  }
  return rows;
}

function readRow(key: string, text: string): MappingRow {
  const expression: MappingRow = { key, kind: "expression", text };
  if (text.includes("/*")) return expression; // a comment would be lost
  const tree = treeOf(text);
  if (!tree) return expression;
  const nested = readNested(key, text, tree);
  if (nested) return nested;
  const value = readValue(tree);
  if (!value) return expression;
  // the row must say exactly what the text says
  if (shapeOf(treeOf(valueText(value.source, value.transforms))) !== shapeOf(tree)) return expression;
  return { key, kind: "value", ...value };
}

function readNested(key: string, text: string, tree: Node): MappingRow | null {
  if (isObjectConstructor(tree) && text.startsWith("{")) {
    const split = splitObject(text, 0);
    const rows = split && split.end === text.length ? readPairs(split.pairs) : null;
    return rows ? { key, kind: "object", rows } : null;
  }
  // list.{ ... } or list.{ ... }[]
  if (tree.type !== "path" || !Array.isArray(tree.steps) || tree.steps.length < 2) return null;
  if (!hasOnly(tree, ["type", "steps", "keepSingletonArray"])) return null;
  const steps = tree.steps as unknown[];
  const last = steps.at(-1);
  const path = namesOf(steps.slice(0, -1));
  if (!path || !isNode(last) || last.type !== "unary" || last.value !== "{" || !hasOnly(last, ["type", "value", "lhs", "keepArray"])) return null;
  const start = typeof last.position === "number" ? last.position - 1 : -1;
  const split = text[start] === "{" ? splitObject(text, start) : null;
  if (!split) return null;
  const keepArray = last.keepArray === true;
  if (text.slice(split.end).trim() !== (keepArray ? "[]" : "")) return null;
  const rows = readPairs(split.pairs);
  return rows ? { key, kind: "each", path, rows, keepArray } : null;
}

function namesOf(steps: readonly unknown[]): string[] | null {
  const names: string[] = [];
  for (const step of steps) {
    if (!isNode(step) || step.type !== "name" || typeof step.value !== "string" || !hasOnly(step, ["type", "value"])) return null;
    names.push(step.value);
  }
  return names;
}

const SIMPLE: Record<string, Transform["kind"]> = {
  lowercase: "lowercase",
  uppercase: "uppercase",
  trim: "trim",
  number: "toNumber",
  string: "toString",
  sha256: "sha256",
  toMillis: "unixMillis",
};

/** A value as a source with transforms (outermost last), or null. */
function readValue(node: Node): { source: ValueSource; transforms: Transform[] } | null {
  const inner = unwrapBlock(node);
  const call = callOf(inner);
  if (call) {
    const { name, args } = call;
    if (name === "floor" && args.length === 1) {
      const division = args[0]!;
      const millis = division.type === "binary" && division.value === "/" && isNode(division.lhs) && isNode(division.rhs) ? callOf(division.lhs) : null;
      if (millis?.name === "toMillis" && millis.args.length === 1 && isNode(division.rhs) && division.rhs.type === "number" && division.rhs.value === 1000) {
        return withTransform(readValue(millis.args[0]!), { kind: "unixSeconds" });
      }
      return null;
    }
    if (name === "fromMillis" && args.length === 2) {
      const millis = callOf(args[0]!);
      const picture = args[1]!;
      if (millis?.name === "toMillis" && millis.args.length === 1 && picture.type === "string" && typeof picture.value === "string") {
        return withTransform(readValue(millis.args[0]!), { kind: "formatDate", picture: picture.value });
      }
      return null;
    }
    const kind = SIMPLE[name];
    if (kind && args.length === 1) return withTransform(readValue(args[0]!), { kind } as Transform);
    return null;
  }
  if (inner.type === "condition" && isNode(inner.condition) && isNode(inner.then) && isNode(inner.else)) {
    const fallback = constantOf(inner.else);
    const other = fallback === undefined ? pathOf(inner.else) : null;
    if (fallback === undefined && !other) return null;
    const test = callOf(inner.condition);
    const coalesce = test?.name === "exists" && test.args.length === 1 && shapeOf(test.args[0]) === shapeOf(inner.then);
    const elvis = shapeOf(inner.condition) === shapeOf(inner.then);
    if (!coalesce && !elvis) return null;
    const when = coalesce ? "missing" : "empty";
    return withTransform(readValue(inner.then), other ? { kind: "fallback", path: other, when } : { kind: "default", value: fallback ?? null, when });
  }
  const source = readSource(inner);
  return source ? { source, transforms: [] } : null;
}

function withTransform(inner: { source: ValueSource; transforms: Transform[] } | null, transform: Transform) {
  return inner ? { source: inner.source, transforms: [...inner.transforms, transform] } : null;
}

function unwrapBlock(node: Node): Node {
  if (node.type === "block" && Array.isArray(node.expressions) && node.expressions.length === 1 && hasOnly(node, ["type", "expressions"])) {
    const only: unknown = node.expressions[0];
    return isNode(only) ? unwrapBlock(only) : node;
  }
  return node;
}

function callOf(node: Node): { name: string; args: Node[] } | null {
  if (node.type !== "function" || node.value !== "(" || !hasOnly(node, ["type", "value", "arguments", "procedure"])) return null;
  const procedure = node.procedure;
  if (!isNode(procedure) || procedure.type !== "variable" || typeof procedure.value !== "string" || !hasOnly(procedure, ["type", "value"])) return null;
  const args = Array.isArray(node.arguments) ? node.arguments : [];
  if (!args.every(isNode)) return null;
  return { name: procedure.value, args: args as Node[] };
}

function constantOf(node: Node): Constant | undefined {
  if (!hasOnly(node, ["type", "value"])) return undefined;
  if (node.type === "string" && typeof node.value === "string") return node.value;
  if (node.type === "number" && typeof node.value === "number") return node.value;
  if (node.type === "value" && (node.value === true || node.value === false || node.value === null)) return node.value;
  return undefined;
}

function pathOf(node: Node): string[] | null {
  if (node.type === "variable" && node.value === "" && hasOnly(node, ["type", "value"])) return [];
  if (node.type !== "path" || !Array.isArray(node.steps) || !hasOnly(node, ["type", "steps"])) return null;
  return namesOf(node.steps);
}

function readSource(node: Node): ValueSource | null {
  const constant = constantOf(node);
  if (constant !== undefined) return { kind: "constant", value: constant };
  const path = pathOf(node);
  if (path) return { kind: "path", path };
  if (node.type === "binary" && node.value === "&") {
    const parts = templateParts(node);
    return parts ? { kind: "template", parts: parts.filter((p) => p.kind === "path" || p.text !== "") } : null;
  }
  return null;
}

function templateParts(node: Node): TemplatePart[] | null {
  if (node.type === "binary" && node.value === "&" && isNode(node.lhs) && isNode(node.rhs) && hasOnly(node, ["type", "value", "lhs", "rhs"])) {
    const left = templateParts(node.lhs);
    const right = templateParts(node.rhs);
    return left && right ? [...left, ...right] : null;
  }
  if (node.type === "string" && typeof node.value === "string" && hasOnly(node, ["type", "value"])) return [{ kind: "text", text: node.value }];
  const path = pathOf(node);
  return path && path.length > 0 ? [{ kind: "path", path }] : null;
}
