import { isRecord } from "./is-record";

/**
 * Whether an event's `integrations` object lets it reach a destination, before any trigger
 * runs. A key naming the destination decides: the destination's own name first (to tell two of
 * one kind apart), then its catalog name; `false` blocks, `true` or an object (settings for that
 * destination) allows. Without such a key, `"All": false` blocks and anything else allows.
 *
 * `{"All": false, "Mixpanel": true}` reaches Mixpanel destinations only; `{"Slack": false}`
 * skips Slack destinations.
 */
export function allowedByIntegrations(event: unknown, destinationDefinitionName: string, destinationName: string): boolean {
  const integrations = isRecord(event) && Object.hasOwn(event, "integrations") ? event.integrations : undefined;
  if (!isRecord(integrations)) return true;
  for (const key of [destinationName, destinationDefinitionName]) {
    const value = Object.hasOwn(integrations, key) ? integrations[key] : undefined;
    if (value !== null && value !== undefined) return value !== false;
  }
  return integrations.All !== false;
}
