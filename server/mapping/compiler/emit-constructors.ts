import type { EmitContext, Site } from "./emit-context";
import { inner } from "./emit-context";
import { stringLiteral } from "./emit-scope";
import type { ExpressionOf } from "./jsonata-ast";

/** `[a, b, ...]`: the items, then the runtime's flattening. */
export function emitArray(context: EmitContext, node: ExpressionOf<"array">, site: Site): string {
  const items = node.items.map((item) => context.emit(item, site));
  const nested = context.constants.add(JSON.stringify(node.items.map((item) => item.kind === "array")));
  return `${context.helper("arrayOf")}([${items.join(", ")}], ${nested}, ${String(node.consarray)})`;
}

/**
 * `{ "key": value, ... }` over one context value. Over a list JSONata groups the items by key;
 * that is left to the interpreter.
 */
export function emitObject(context: EmitContext, node: ExpressionOf<"object">, site: Site): string {
  const code = objectOverOneItem(context, node, site);
  return site.contextIsObject ? code : `(Array.isArray(${site.context}) ? ${context.helper("fallback")}() : ${code})`;
}

function objectOverOneItem(context: EmitContext, node: ExpressionOf<"object">, site: Site): string {
  const { emit, helper } = context;
  const literalKeys = node.pairs.map(([key]) => (key.kind === "literal" && typeof key.value === "string" && key.predicates.length === 0 && !key.keepArray ? key.value : undefined));
  const allLiteral = literalKeys.every((key) => key !== undefined);
  if (site.output && allLiteral) {
    // an undefined value is dropped by toPlainJson anyway, so a plain object literal does
    const entries = node.pairs.map(([, value], index) => `${propertyName(literalKeys[index] ?? "")}: ${emit(value, site)}`);
    return `{${entries.join(", ")}}`;
  }
  const valueSite = inner(site);
  const target = site.scope.temporary();
  const value = site.scope.temporary();
  const assign = (key: string, literalKey: string | undefined): string =>
    literalKey !== undefined && literalKey !== "__proto__" ? `${target}[${key}] = ${value}` : `${helper("setProperty")}(${target}, ${key}, ${value})`;
  if (allLiteral) {
    const parts = node.pairs.map(([, valueNode], index) => {
      const key = literalKeys[index] ?? "";
      return `(${value} = ${emit(valueNode, valueSite)}) !== undefined && (${assign(stringLiteral(key), key)})`;
    });
    return `(${[`${target} = {}`, ...parts, target].join(", ")})`;
  }
  // computed keys: each must be a new string (JSONata's T1003 / D1009 / D1013 otherwise)
  const seen = site.scope.temporary();
  const key = site.scope.temporary();
  const parts = node.pairs.map(([keyNode, valueNode]) => {
    const check = `${helper("checkKey")}(${seen}, ${key})`;
    return `(${key} = ${emit(keyNode, valueSite)}) !== undefined && (${check}, (${value} = ${emit(valueNode, valueSite)}) !== undefined && (${assign(key, undefined)}))`;
  });
  return `(${[`${target} = {}`, `${seen} = new Set()`, ...parts, target].join(", ")})`;
}

/** A key of an object literal; `__proto__` must be computed, or it would set the prototype. */
function propertyName(key: string): string {
  return key === "__proto__" ? `[${stringLiteral(key)}]` : stringLiteral(key);
}
