import type { FieldRef } from "./fields";
import type { EqualityOperator, OrderingOperator } from "./tokenize";

export type Literal = string | number | boolean | null;

/**
 * A parsed trigger. Parentheses leave no node, `and`/`or` chains are flat lists and repeated
 * negations are folded, so the tree is only as deep as the trigger's real nesting.
 */
export type TriggerNode =
  | { readonly kind: "all" }
  | { readonly kind: "or"; readonly operands: readonly TriggerNode[] }
  | { readonly kind: "and"; readonly operands: readonly TriggerNode[] }
  | { readonly kind: "not"; readonly operand: TriggerNode }
  | { readonly kind: "equality"; readonly operator: EqualityOperator; readonly field: FieldRef; readonly value: Literal }
  | { readonly kind: "ordering"; readonly operator: OrderingOperator; readonly field: FieldRef; readonly value: number }
  | { readonly kind: "contains"; readonly field: FieldRef; readonly value: string | number | boolean }
  | { readonly kind: "match"; readonly field: FieldRef; readonly pattern: string };
