import { readFileSync } from "node:fs";
import path from "node:path";
import { getDestinationDefinition } from "./catalog";
import type { ActionDefinition } from "./types";

/** An Action row to create with a new destination. */
export interface DefaultAction {
  key: string;
  name: string;
  trigger: string;
  mapping: string;
  enabled: true;
}

/**
 * The actions a new destination starts with: each of its actions (but those users add themselves) with its default trigger and
 * the text of its default mapping file. Paths resolve from `process.cwd()` (the app runs from the
 * repository root). Throws when the destination key is unknown or a mapping file is missing.
 */
export function defaultActionsFor(definitionKey: string): DefaultAction[] {
  return getDestinationDefinition(definitionKey).actions.filter((action) => !action.addedByUser).map((action) => ({
    key: action.key,
    name: action.title,
    trigger: action.defaultTrigger,
    mapping: readDefaultMapping(action),
    enabled: true,
  }));
}

/** The text of an action's default mapping file. */
export function readDefaultMapping(action: Pick<ActionDefinition<unknown, unknown>, "defaultMappingFile">): string {
  return readFileSync(path.resolve(process.cwd(), action.defaultMappingFile), "utf8").trimEnd();
}
