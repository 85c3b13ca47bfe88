import { z } from "zod";
import { settingsMessage } from "./settings-messages";
import type { DestinationDefinition, DestinationSettingsOf } from "./types";

export interface SettingsIssue {
  /** The setting's name, or `(settings)` for the object as a whole. */
  field: string;
  /** Reads after the field's name: "is required", "must be one of US, EU". */
  message: string;
}

export type SettingsResult<Settings> = { ok: true; settings: Settings } | { ok: false; issues: SettingsIssue[] };

export interface ParseSettingsOptions {
  /**
   * `reject` (the default, for what a user submits) reports settings the destination does not
   * have; `strip` drops them (for stored settings of a destination whose schema has moved on).
   */
  unknownKeys?: "reject" | "strip";
}

const schemas = new WeakMap<DestinationDefinition, z.ZodObject>();

/**
 * The destination's settings schema as users fill it in: its own settings plus, when it has
 * regions, `region` (one of its regions, defaulting to `defaultRegion`) and the advanced
 * `baseUrl` override.
 */
export function settingsSchemaFor(definition: DestinationDefinition): z.ZodObject {
  const cached = schemas.get(definition);
  if (cached) return cached;
  const regions = Object.keys(definition.regions ?? {});
  const [first, ...rest] = regions;
  const schema =
    first === undefined
      ? definition.settings
      : definition.settings.extend({
          region: z
            .enum([first, ...rest])
            .default(definition.defaultRegion ?? first)
            .meta({ title: "Region", description: `Where the ${definition.name} project's data lives: ${regions.join(", ")}.` }),
          baseUrl: z
            .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
            .optional()
            .meta({
              title: "Base URL override",
              description: "Advanced: send to this URL instead of the region's, e.g. a proxy or another Switchyard.",
              advanced: true,
            }),
        });
  schemas.set(definition, schema);
  return schema;
}

/** Validates a settings object, with one message per field the user can act on. */
export function parseSettings<Schema extends z.ZodObject>(
  definition: DestinationDefinition<Schema>,
  raw: unknown,
  options: ParseSettingsOptions = {},
): SettingsResult<DestinationSettingsOf<Schema>> {
  const base = settingsSchemaFor(definition);
  const schema = options.unknownKeys === "strip" ? base.strip() : base.strict();
  const result = schema.safeParse(raw ?? {}, { error: settingsMessage });
  if (result.success) return { ok: true, settings: result.data as DestinationSettingsOf<Schema> };

  const issues: SettingsIssue[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) issues.push({ field: key, message: `is not a setting of ${definition.name}` });
      continue;
    }
    issues.push({ field: issue.path.length > 0 ? issue.path.join(".") : "(settings)", message: issue.message });
  }
  return { ok: false, issues };
}

/**
 * What a saved secret reads as wherever a user sees settings (API, UI, CLI): the same for every
 * value, so nothing of the secret (not its length, not its last characters) leaves the server.
 */
export const SECRET_MASK = "••••••••";

/** A copy of `settings` with every set secret replaced by `SECRET_MASK`, for anything a user sees. */
export function maskSecrets(definition: DestinationDefinition, settings: Record<string, unknown>): Record<string, unknown> {
  const masked: Record<string, unknown> = { ...settings };
  for (const name of definition.secretSettings) {
    const value = masked[name];
    if (typeof value === "string" && value !== "") masked[name] = SECRET_MASK;
  }
  return masked;
}

/**
 * When a user saves settings shown to them masked, a secret they did not touch comes back as
 * `SECRET_MASK`: keep the stored value for it. An empty value clears the secret.
 */
export function keepUnchangedSecrets(
  definition: DestinationDefinition,
  stored: Record<string, unknown>,
  submitted: Record<string, unknown>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...submitted };
  for (const name of definition.secretSettings) {
    if (merged[name] === SECRET_MASK) {
      const before = stored[name];
      if (typeof before === "string" && before !== "") merged[name] = before;
      else delete merged[name];
    } else if (merged[name] === "") {
      delete merged[name];
    }
  }
  return merged;
}

/** The clear-text secret values in parsed settings, for masking them in delivery logs. */
export function secretValues(definition: DestinationDefinition, settings: Record<string, unknown>): string[] {
  return definition.secretSettings.flatMap((name) => {
    const value = settings[name];
    return typeof value === "string" && value !== "" ? [value] : [];
  });
}
