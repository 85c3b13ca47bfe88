import { AppError } from "../errors";
import { amplitude } from "./amplitude";
import { braze } from "./braze";
import { customerio } from "./customerio";
import { facebookConversionsApi } from "./facebook-conversions-api";
import { googleAnalytics4 } from "./google-analytics-4";
import { hubspot } from "./hubspot";
import { intercom } from "./intercom";
import { klaviyo } from "./klaviyo";
import { mixpanel } from "./mixpanel";
import { posthog } from "./posthog";
import { segment } from "./segment";
import { settingFieldsOf } from "./settings-fields";
import type { SettingFieldView } from "./settings-fields";
import { slack } from "./slack";
import type { BatchLimits, DestinationCategory, DestinationDefinition } from "./types";
import { webhook } from "./webhook";

/** Every destination Switchyard can send to. A new destination is one folder and one line here. */
export const destinationCatalog: readonly DestinationDefinition[] = [webhook, slack, mixpanel, amplitude, customerio, segment, posthog, klaviyo, intercom, hubspot, braze, googleAnalytics4, facebookConversionsApi];

export function findDestinationDefinition(key: string): DestinationDefinition | undefined {
  return destinationCatalog.find((definition) => definition.key === key);
}

/** Throws `NOT_FOUND`, naming the known keys, when the catalog has no such destination. */
export function getDestinationDefinition(key: string): DestinationDefinition {
  const definition = findDestinationDefinition(key);
  if (!definition) {
    const known = destinationCatalog.map((entry) => entry.key).join(", ");
    throw new AppError("NOT_FOUND", `No destination "${key}" in the catalog (known: ${known})`);
  }
  return definition;
}

/** Throws `NOT_FOUND`, naming the destination's actions, when it has no such action. */
export function getActionDefinition(definition: DestinationDefinition, actionKey: string): DestinationDefinition["actions"][number] {
  const action = definition.actions.find((entry) => entry.key === actionKey);
  if (!action) {
    const known = definition.actions.map((entry) => entry.key).join(", ");
    throw new AppError("NOT_FOUND", `${definition.name} has no action "${actionKey}" (it has: ${known})`);
  }
  return action;
}

export interface CatalogActionView {
  key: string;
  title: string;
  description: string;
  defaultTrigger: string;
  batch: BatchLimits | null;
}

export interface CatalogEntryView {
  key: string;
  name: string;
  category: DestinationCategory;
  description: string;
  /** Region → base URL; empty when the destination's URL is a setting of its own. */
  regions: Record<string, string>;
  defaultRegion: string | null;
  keepsUserOrder: boolean;
  canTestConnection: boolean;
  settings: SettingFieldView[];
  actions: CatalogActionView[];
}

/** The catalog as JSON-safe data for the UI and the CLI. */
export function catalogView(): CatalogEntryView[] {
  return destinationCatalog.map((definition) => ({
    key: definition.key,
    name: definition.name,
    category: definition.category,
    description: definition.description,
    regions: { ...definition.regions },
    defaultRegion: definition.defaultRegion ?? null,
    keepsUserOrder: definition.keepsUserOrder,
    canTestConnection: definition.testConnection !== undefined,
    settings: settingFieldsOf(definition),
    actions: definition.actions.map((action) => ({
      key: action.key,
      title: action.title,
      description: action.description,
      defaultTrigger: action.defaultTrigger,
      batch: action.batch ? { ...action.batch } : null,
    })),
  }));
}
