import { isRecord } from "../is-record";

/**
 * Event property values as HubSpot stores them: text, numbers and true/false as they are, lists
 * of plain values joined with ";" (HubSpot's multi-value form), anything else as JSON text.
 */
export function hubspotEventProperties(properties: Record<string, unknown>): Record<string, string | number | boolean> {
  const flat: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(properties)) {
    if (value === null || value === undefined) continue;
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") flat[key] = value;
    else if (Array.isArray(value) && !value.some((item) => isRecord(item) || Array.isArray(item))) flat[key] = value.join(";");
    else flat[key] = JSON.stringify(value);
  }
  return flat;
}
