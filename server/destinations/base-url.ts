import type { DestinationDefinition, RegionSettings } from "./types";

/**
 * The base URL requests go to: the `baseUrl` override when set, else the chosen region's URL
 * (the default region's when none is chosen). Empty for destinations without regions.
 */
export function resolveBaseUrl(definition: DestinationDefinition, settings: RegionSettings): string {
  if (settings.baseUrl) return settings.baseUrl.replace(/\/+$/, "");
  return regionalBaseUrl(definition, settings.region ?? definition.defaultRegion);
}

/** The base URL of one region, or empty when the destination has no such region. */
export function regionalBaseUrl(definition: DestinationDefinition, region: string | undefined): string {
  if (!definition.regions || region === undefined) return "";
  return definition.regions[region] ?? "";
}
