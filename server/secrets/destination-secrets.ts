import type { DestinationDefinition } from "../destinations/types";
import { isSealed, open, seal } from "./secret-box";

/** Settings as stored: each set secret sealed (see `seal`); the other settings as they are. */
export function sealSecrets(definition: DestinationDefinition, settings: Record<string, unknown>, key: Buffer): Record<string, unknown> {
  const sealed: Record<string, unknown> = { ...settings };
  for (const name of definition.secretSettings) {
    const value = sealed[name];
    if (typeof value === "string" && value !== "" && !isSealed(value)) sealed[name] = seal(value, key);
  }
  return sealed;
}

/** Stored settings with their secrets in clear. Clear-text values from before encryption pass as they are. */
export function openSecrets(definition: DestinationDefinition, stored: Record<string, unknown>, key: Buffer): Record<string, unknown> {
  const opened: Record<string, unknown> = { ...stored };
  for (const name of definition.secretSettings) {
    const value = opened[name];
    if (isSealed(value)) opened[name] = open(value, key);
  }
  return opened;
}

/** Whether any secret of the stored settings is still in clear text. */
export function hasClearSecrets(definition: DestinationDefinition, stored: Record<string, unknown>): boolean {
  return definition.secretSettings.some((name) => {
    const value = stored[name];
    return typeof value === "string" && value !== "" && !isSealed(value);
  });
}
