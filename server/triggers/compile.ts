import type { TriggerNode } from "./ast";
import { evaluateTrigger } from "./evaluate";
import { parseTrigger } from "./parse";

export type TriggerPredicate = (event: unknown) => boolean;
/** A trigger decided from an event's type alone. */
export type TypePredicate = (type: string) => boolean;

/** How many distinct trigger texts stay parsed; the least recently used is dropped first. */
export const TRIGGER_CACHE_LIMIT = 1_000;

type CompiledTrigger = { predicate: TriggerPredicate; typePredicate: TypePredicate | null };

const cache = new Map<string, CompiledTrigger>();

/**
 * Parses a trigger once and returns a predicate over events. The runner calls this per event,
 * so predicates are cached by text (a Map kept in recency order). Throws `TriggerSyntaxError`.
 */
export function compileTrigger(text: string): TriggerPredicate {
  return compiled(text).predicate;
}

/**
 * For a trigger that reads no field but `type` (as every default trigger does), a predicate
 * over the type alone; null for any other. The log keeps each event's type in a column, so
 * the runner can tell which events such triggers take without parsing them.
 * Throws `TriggerSyntaxError`.
 */
export function compileTypeTrigger(text: string): TypePredicate | null {
  return compiled(text).typePredicate;
}

function compiled(text: string): CompiledTrigger {
  const cached = cache.get(text);
  if (cached) {
    cache.delete(text);
    cache.set(text, cached);
    return cached;
  }
  const node: TriggerNode = parseTrigger(text);
  const entry: CompiledTrigger = {
    predicate: (event) => evaluateTrigger(node, event),
    typePredicate: readsOnlyType(node) ? typePredicateOf(node) : null,
  };
  cache.set(text, entry);
  if (cache.size > TRIGGER_CACHE_LIMIT) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  return entry;
}

/**
 * Reading only `type`, the trigger answers the same for the whole event as for its type; the
 * answer is kept per type (the log holds the six types of the spec).
 */
function typePredicateOf(node: TriggerNode): TypePredicate {
  const answers = new Map<string, boolean>();
  return (type) => {
    let answer = answers.get(type);
    if (answer === undefined) {
      answer = evaluateTrigger(node, { type });
      answers.set(type, answer);
    }
    return answer;
  };
}

function readsOnlyType(node: TriggerNode): boolean {
  switch (node.kind) {
    case "all":
      return true;
    case "or":
    case "and":
      return node.operands.every(readsOnlyType);
    case "not":
      return readsOnlyType(node.operand);
    default:
      return node.field.root === "type";
  }
}
