import { compileTrigger } from "./compile";
import { TriggerSyntaxError } from "./errors";

export type TriggerCheck =
  | { valid: true; matches?: boolean }
  | { valid: false; error: { message: string; line: number; column: number; offset: number } };

/**
 * Validates a trigger and, given an event, says whether it matches. Syntax errors are returned
 * rather than thrown, for the editor's live preview and `switchyard trigger check`.
 */
export function checkTrigger(text: string, event?: unknown): TriggerCheck {
  let predicate;
  try {
    predicate = compileTrigger(text);
  } catch (error) {
    if (!(error instanceof TriggerSyntaxError)) throw error;
    const { message, line, column, offset } = error;
    return { valid: false, error: { message, line, column, offset } };
  }
  return event === undefined ? { valid: true } : { valid: true, matches: predicate(event) };
}
