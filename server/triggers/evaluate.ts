import type { Literal, TriggerNode } from "./ast";
import { isAbsent, readField } from "./fields";
import { matchesGlob } from "./glob";

/**
 * Whether an event matches a parsed trigger. Any value is accepted as the event; one that is not
 * an object simply has no fields, and an event that throws while being read (a getter, a Proxy)
 * does not match, so a bad event can never stop delivery to other destinations.
 */
export function evaluateTrigger(node: TriggerNode, event: unknown): boolean {
  try {
    return test(node, event);
  } catch {
    return false;
  }
}

function test(node: TriggerNode, event: unknown): boolean {
  switch (node.kind) {
    case "all":
      return true;
    case "or":
      for (const operand of node.operands) if (test(operand, event)) return true;
      return false;
    case "and":
      for (const operand of node.operands) if (!test(operand, event)) return false;
      return true;
    case "not":
      return !test(node.operand, event);
    case "equality": {
      const equal = equals(readField(event, node.field), node.value);
      return node.operator === "=" ? equal : !equal;
    }
    case "ordering":
      return compare(readField(event, node.field), node.operator, node.value);
    case "contains":
      return contains(readField(event, node.field), node.value);
    case "match": {
      const value = readField(event, node.field);
      return typeof value === "string" && matchesGlob(value, node.pattern);
    }
  }
}

/** Strict: `null` means absent, otherwise the types must agree, so `"100"` never equals `100`. */
function equals(value: unknown, literal: Literal): boolean {
  return literal === null ? isAbsent(value) : value === literal;
}

/** Only a JSON number is ordered; a numeric string, a boolean or an absent field never is. */
function compare(value: unknown, operator: "<" | "<=" | ">" | ">=", literal: number): boolean {
  if (typeof value !== "number") return false;
  switch (operator) {
    case "<":
      return value < literal;
    case "<=":
      return value <= literal;
    case ">":
      return value > literal;
    case ">=":
      return value >= literal;
  }
}

/** A substring of a string, or an element (strictly equal) of an array. */
function contains(value: unknown, literal: string | number | boolean): boolean {
  if (typeof value === "string") return typeof literal === "string" && value.includes(literal);
  return Array.isArray(value) && value.includes(literal);
}
