import { DEFAULT_GLOBAL_NAME, globalNameProblem } from "../../components/sources/install-snippets";
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

const MAX_ORIGINS = 50;

/**
 * Origins allowed to send from a browser, each as scheme://host[:port] (what browsers put in
 * the Origin header). Duplicates are dropped; an empty list allows every origin.
 */
export function checkAllowedOrigins(origins: readonly string[]): string[] {
  if (origins.length > MAX_ORIGINS) throw new AppError("BAD_REQUEST", `At most ${MAX_ORIGINS} allowed origins`);
  const result: string[] = [];
  for (const raw of origins) {
    const value = raw.trim().replace(/\/+$/, "");
    let url: URL | null = null;
    try {
      url = new URL(value);
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || url.origin !== value.toLowerCase()) {
      throw new AppError("BAD_REQUEST", `"${raw}" is not an origin: write it as https://www.example.com (scheme, host and port if not the default; no path)`);
    }
    if (!result.includes(url.origin)) result.push(url.origin);
  }
  return result;
}
