import { getActionDefinition } from "../destinations/catalog";
import type { ActionDefinition, DestinationDefinition } from "../destinations/types";
import { compileMapping } from "../mapping/compile";
import type { CompiledMapping } from "../mapping/compiled-mapping";
import { compileTrigger, compileTypeTrigger, type TriggerPredicate, type TypePredicate } from "../triggers/compile";

export type ActionRow = { id: string; key: string; name: string; trigger: string; mapping: string; enabled: boolean; version: number };

/** An enabled action ready to run: its definition, its trigger and its mapping, compiled once. */
export type RunnableAction = {
  id: string;
  name: string;
  definition: ActionDefinition<unknown, unknown>;
  matches: TriggerPredicate;
  /** `matches` decided from the event's type alone, when the trigger reads nothing else (see `planPage`). */
  matchesType: TypePredicate | null;
  mapping: CompiledMapping;
};

/**
 * Compiles an action row. A trigger or mapping that does not compile (saving refuses them, so
 * only a hand-edited database gets here) yields the error instead, and the action delivers
 * nothing until fixed.
 */
export function toRunnableAction(definition: DestinationDefinition, row: ActionRow): RunnableAction | { id: string; error: string } {
  try {
    return {
      id: row.id,
      name: row.name,
      definition: getActionDefinition(definition, row.key) as ActionDefinition<unknown, unknown>,
      matches: compileTrigger(row.trigger),
      matchesType: compileTypeTrigger(row.trigger),
      mapping: compileMapping(row.mapping),
    };
  } catch (error) {
    return { id: row.id, error: `Action "${row.name}" cannot run: ${(error as Error).message}` };
  }
}
