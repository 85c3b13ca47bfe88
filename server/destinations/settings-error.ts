import { AppError } from "../errors";
import type { SettingsIssue } from "./settings";

/** Settings a user submitted that do not validate: one issue per field, for a form to show beside it. */
export class SettingsError extends AppError {
  constructor(
    destinationName: string,
    readonly issues: readonly SettingsIssue[],
  ) {
    super("BAD_REQUEST", `Invalid settings for ${destinationName}: ${issues.map((i) => `${i.field} ${i.message}`).join("; ")}`);
  }

  /** The issues grouped by field, in the shape of zod's `flattenError`. */
  flatten(): { formErrors: string[]; fieldErrors: Record<string, string[]> } {
    const fieldErrors: Record<string, string[]> = {};
    const formErrors: string[] = [];
    for (const issue of this.issues) {
      if (issue.field === "(settings)") formErrors.push(issue.message);
      else (fieldErrors[issue.field] ??= []).push(issue.message);
    }
    return { formErrors, fieldErrors };
  }
}
