import { isRecord } from "./is-record";

const MAX_EXCERPT = 300;

/**
 * The most telling part of an error body, for a message the user reads: a JSON body's
 * `error` / `message` / `detail` / `errors[0].message` (as the APIs in the catalog put it),
 * else the text itself, trimmed to a short excerpt. Empty when the body says nothing.
 */
export function apiMessage(body: string): string {
  const text = body.trim();
  if (text === "") return "";
  try {
    const found = messageIn(JSON.parse(text));
    if (found) return excerpt(found);
  } catch {
    // Not JSON: fall back to the text.
  }
  return excerpt(text);
}

function messageIn(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return messageIn(value[0]);
  if (!isRecord(value)) return undefined;
  for (const key of ["error", "message", "detail", "error_description", "title", "reason", "meta"]) {
    const found = messageIn(value[key]);
    if (found) return found;
  }
  return messageIn(value.errors);
}

function excerpt(text: string): string {
  const oneLine = text.replace(/\s+/g, " ");
  return oneLine.length > MAX_EXCERPT ? `${oneLine.slice(0, MAX_EXCERPT)}…` : oneLine;
}
