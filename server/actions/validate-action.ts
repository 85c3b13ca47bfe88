import { AppError } from "../errors";
import { compileMapping } from "../mapping/compile";
import { MappingError } from "../mapping/errors";
import { checkTrigger } from "../triggers/check";

/**
 * Refuses a trigger or mapping that would not run, saying where it is wrong. The mapping's
 * syntax error already names its line and column ("Syntax error at line 2, column 9: ...").
 */
export function validateActionText(change: { trigger?: string; mapping?: string }): void {
  if (change.trigger !== undefined) {
    const check = checkTrigger(change.trigger);
    if (!check.valid) throw new AppError("BAD_REQUEST", `Invalid trigger at line ${check.error.line}, column ${check.error.column}: ${check.error.message}`);
  }
  if (change.mapping !== undefined) {
    try {
      compileMapping(change.mapping);
    } catch (error) {
      if (error instanceof MappingError) throw new AppError("BAD_REQUEST", `Invalid mapping: ${error.message}`);
      throw error;
    }
  }
}
