/** Rules for a source's allowed origins, shared by the form and the server. Pure and client-safe. */

export const MAX_ALLOWED_ORIGINS = 50;

/**
 * The origin as browsers send it in the Origin header (scheme://host[:port], lower case, no
 * trailing slash), or an explanation of why the text is not one.
 */
export function parseOrigin(text: string): { origin: string } | { problem: string } {
  const value = text.trim().replace(/\/+$/, "");
  let url: URL | null;
  try {
    url = new URL(value);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || url.origin !== value.toLowerCase()) {
    return { problem: `"${text.trim()}" is not an origin: write it as https://www.example.com (scheme, host and port if not the default; no path)` };
  }
  return { origin: url.origin };
}

/** The list without duplicates, or the first problem found. */
export function parseAllowedOrigins(texts: readonly string[]): { origins: string[] } | { problem: string } {
  if (texts.length > MAX_ALLOWED_ORIGINS) return { problem: `At most ${MAX_ALLOWED_ORIGINS} allowed origins` };
  const origins: string[] = [];
  for (const text of texts) {
    const parsed = parseOrigin(text);
    if ("problem" in parsed) return parsed;
    if (!origins.includes(parsed.origin)) origins.push(parsed.origin);
  }
  return { origins };
}
