import { finalError } from "../errors";

const FULLY_QUALIFIED = /^pe\d+_[a-z0-9_]+$/;

/**
 * A custom event's fully qualified name: kept when the mapping gives one (`pe20118943_signed_up`),
 * else `pe<Hub ID>_<name>` with the name as HubSpot's internal names are (lower case, digits, `_`).
 */
export function customEventName(name: string, hubId: string | undefined): string {
  if (FULLY_QUALIFIED.test(name)) return name;
  if (!hubId) throw finalError("SETTINGS_INVALID", `Set the Hub ID to send "${name}" as a custom event (or map a full name like pe<Hub ID>_${internalName(name)})`);
  return `pe${hubId}_${internalName(name)}`;
}

function internalName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}
