import { isRecord } from "../is-record";

/** Intercom keeps at most ten metadata keys an event and ignores the rest. */
export const MAX_METADATA_KEYS = 10;

type MetadataValue = string | number | { url: string; value: string } | { amount: number; currency: string };

/**
 * Metadata as Intercom takes it: flat values (text, numbers, links, `*_date` Unix times), rich
 * links `{url, value}` and amounts `{amount, currency}`. Booleans become text; other objects,
 * lists and nulls are left out; then the first ten keys, in the mapping's order, are kept.
 */
export function intercomMetadata(metadata: Record<string, unknown>): Record<string, MetadataValue> {
  const kept: Array<[string, MetadataValue]> = [];
  for (const [key, value] of Object.entries(metadata)) {
    const flat = metadataValue(value);
    if (flat !== undefined) kept.push([key, flat]);
    if (kept.length === MAX_METADATA_KEYS) break;
  }
  return Object.fromEntries(kept);
}

function metadataValue(value: unknown): MetadataValue | undefined {
  if (typeof value === "string" || typeof value === "number") return value;
  if (typeof value === "boolean") return String(value);
  if (!isRecord(value)) return undefined;
  const { url, value: text, amount, currency } = value;
  if (typeof url === "string" && typeof text === "string") return { url, value: text };
  if (typeof amount === "number" && typeof currency === "string") return { amount, currency };
  return undefined;
}
