import { DEFAULT_GLOBAL_NAME, globalNameProblem } from "../../components/sources/install-snippets";
import { parseAllowedOrigins } from "../../components/sources/allowed-origins";
import { AppError } from "../errors";

/** Kind-specific settings of a source, stored as JSON in sources.settings. */
export type SourceSettings = {
  /** The browser global the JavaScript snippet defines. */
  globalName: string;
};

/** The stored settings with defaults for what is missing or no longer valid. */
export function parseSourceSettings(json: string): SourceSettings {
  let stored: unknown;
  try {
    stored = JSON.parse(json);
  } catch {
    stored = {};
  }
  const globalName = typeof stored === "object" && stored !== null && "globalName" in stored ? stored.globalName : undefined;
  return {
    globalName: typeof globalName === "string" && globalNameProblem(globalName) === null ? globalName : DEFAULT_GLOBAL_NAME,
  };
}

export function checkGlobalName(name: string): string {
  const trimmed = name.trim();
  const problem = globalNameProblem(trimmed);
  if (problem) throw new AppError("BAD_REQUEST", problem);
  return trimmed;
}

/** Origins allowed to send from a browser; an empty list allows every origin. */
export function checkAllowedOrigins(texts: readonly string[]): string[] {
  const parsed = parseAllowedOrigins(texts);
  if ("problem" in parsed) throw new AppError("BAD_REQUEST", parsed.problem);
  return parsed.origins;
}
