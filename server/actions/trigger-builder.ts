import type { TriggerBuilder, TriggerCondition, TriggerGroup } from "../../components/action-editor/trigger-model/types";
import type { TriggerNode } from "../triggers/ast";
import { parseTrigger } from "../triggers/parse";

/**
 * A trigger as the visual builder's groups and conditions, or null when it does not parse.
 * Every trigger the language can write has a builder form: `and`/`or` chains are groups, `not`
 * negates a condition or a group.
 */
export function triggerBuilderOf(text: string): TriggerBuilder | null {
  let tree: TriggerNode;
  try {
    tree = parseTrigger(text);
  } catch {
    return null;
  }
  if (tree.kind === "all") return { kind: "all" };
  const read = toItem(tree);
  return read.kind === "group" ? read : { kind: "group", join: "and", items: [read], negated: false };
}

function toItem(node: TriggerNode): TriggerCondition | TriggerGroup {
  switch (node.kind) {
    case "and":
    case "or":
      return { kind: "group", join: node.kind, items: node.operands.map(toItem), negated: false };
    case "not": {
      const inner = toItem(node.operand);
      return { ...inner, negated: !inner.negated };
    }
    case "equality":
    case "ordering":
      return { kind: "condition", field: [node.field.root, ...node.field.path], operator: node.operator, value: node.value, negated: false };
    case "contains":
      return { kind: "condition", field: [node.field.root, ...node.field.path], operator: "contains", value: node.value, negated: false };
    case "match":
      return { kind: "condition", field: [node.field.root, ...node.field.path], operator: "matches", value: node.pattern, negated: false };
    case "all":
      return { kind: "group", join: "and", items: [], negated: false };
  }
}
