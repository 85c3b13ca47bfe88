import { randomBytes } from "node:crypto";

/**
 * Each payload is serialized once: sizing a batch remembers the JSON text of each payload
 * (`jsonText`), and the request body that holds those very objects reuses it
 * (`stringifyBody`) instead of serializing them again. Payloads are never changed once
 * validated (actions build new objects around them), so a remembered text stays true.
 */
const remembered = new WeakMap<object, { text: string; bytes: number }>();

/** The JSON text of a value and its size in UTF-8 bytes, remembered for objects. */
export function jsonText(value: unknown): { text: string; bytes: number } {
  const isObject = typeof value === "object" && value !== null;
  const known = isObject ? remembered.get(value) : undefined;
  if (known) return known;
  const text = JSON.stringify(value) ?? "";
  const entry = { text, bytes: Buffer.byteLength(text, "utf8") };
  if (isObject) remembered.set(value, entry);
  return entry;
}

/** Stands in for a remembered object while the rest of the body is serialized; unguessable. */
const PLACEHOLDER = `\u0000json-text:${randomBytes(12).toString("hex")}`;
const QUOTED_PLACEHOLDER = JSON.stringify(PLACEHOLDER);

/**
 * `JSON.stringify(value)`, with the remembered text of each object met at the top, in a list
 * at the top, or in a list one property down (`{ batch: [...] }`): envelopes around batches.
 * Deeper objects, and anything not remembered, are serialized as usual.
 */
export function stringifyBody(value: unknown): string {
  if (!holdsRemembered(value)) return JSON.stringify(value);
  const texts: string[] = [];
  const body = JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item !== "object" || item === null) return item;
    const known = remembered.get(item);
    if (!known) return item;
    texts.push(known.text);
    return PLACEHOLDER;
  });
  const pieces = body.split(QUOTED_PLACEHOLDER);
  // A text containing the placeholder itself would add pieces: then serialize plainly.
  if (pieces.length !== texts.length + 1) return JSON.stringify(value);
  let joined = pieces[0]!;
  for (let i = 0; i < texts.length; i++) joined += texts[i]! + pieces[i + 1]!;
  return joined;
}

function holdsRemembered(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  if (remembered.has(value) || listHoldsRemembered(value)) return true;
  if (Array.isArray(value)) return false;
  for (const key in value) {
    if (listHoldsRemembered((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

function listHoldsRemembered(value: unknown): boolean {
  if (!Array.isArray(value) || value.length === 0) return false;
  const first: unknown = value[0];
  return typeof first === "object" && first !== null && remembered.has(first);
}
