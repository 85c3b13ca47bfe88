import { z } from "zod";
import { settingsSchemaFor } from "./settings";
import type { DestinationDefinition } from "./types";

/** One setting as the UI and the CLI show it. */
export interface SettingFieldView {
  name: string;
  title: string;
  type: "string" | "number" | "integer" | "boolean" | "object" | "array";
  required: boolean;
  secret: boolean;
  /** Advanced settings are folded away in the UI (e.g. the base URL override). */
  advanced: boolean;
  description?: string;
  default?: unknown;
  /** The allowed values, for a choice. */
  options?: string[];
  format?: string;
}

/** Describes a destination's settings from its zod schema, as JSON-safe field descriptions. */
export function settingFieldsOf(definition: DestinationDefinition): SettingFieldView[] {
  const json = z.toJSONSchema(settingsSchemaFor(definition), { io: "input", unrepresentable: "any" });
  const required = new Set(json.required ?? []);
  const secrets = new Set<string>(definition.secretSettings);
  return Object.entries(json.properties ?? {}).map(([name, schema]) => {
    const property = typeof schema === "boolean" ? {} : schema;
    const field: SettingFieldView = {
      name,
      title: property.title ?? name,
      type: fieldType(property.type),
      required: required.has(name),
      secret: secrets.has(name),
      advanced: property.advanced === true,
    };
    if (property.description) field.description = property.description;
    if (property.default !== undefined) field.default = property.default;
    if (property.enum) field.options = property.enum.map(String);
    if (property.format) field.format = property.format;
    return field;
  });
}

function fieldType(type: unknown): SettingFieldView["type"] {
  switch (type) {
    case "number":
    case "integer":
    case "boolean":
    case "object":
    case "array":
      return type;
    default:
      return "string";
  }
}
