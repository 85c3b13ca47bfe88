import type { SettingField } from "./destination-types";

/** What a form input holds for one setting: text for text-like inputs, a flag for checkboxes. */
export type FieldValue = string | boolean;
export type FormValues = Record<string, FieldValue>;

const MASK = "••••";

/** Whether a saved value is a secret the server sent back masked (it never sends secrets in clear). */
export function isMaskedSecret(value: unknown): boolean {
  if (typeof value === "string") return value.includes(MASK);
  return typeof value === "object" && value !== null && "masked" in value && value.masked === true;
}

/** The inputs' starting values: saved settings where given, else each field's default. */
export function initialFormValues(fields: readonly SettingField[], saved: Record<string, unknown> | undefined): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const value = saved && field.name in saved ? saved[field.name] : field.default;
    if (field.type === "boolean") values[field.name] = value === true;
    else if (value === undefined || value === null) values[field.name] = "";
    else if (field.type === "object" || field.type === "array") values[field.name] = isEmptyCollection(value) ? "" : JSON.stringify(value, null, 2);
    else if (isMaskedSecret(value) && typeof value !== "string") values[field.name] = MASK;
    else values[field.name] = String(value);
  }
  return values;
}

function isEmptyCollection(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === "object" && value !== null && Object.keys(value).length === 0;
}

export type ConvertedSettings = { settings: Record<string, unknown>; errors: Record<string, string> };

/**
 * Turns the inputs into the settings object the server validates, checking locally what can
 * be checked without it (required fields, numbers, JSON). Messages read after the field's title.
 */
export function toSettings(fields: readonly SettingField[], values: FormValues): ConvertedSettings {
  const settings: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const raw = values[field.name];
    if (field.type === "boolean") {
      settings[field.name] = raw === true;
      continue;
    }
    const text = typeof raw === "string" ? raw.trim() : "";
    if (text === "") {
      if (field.required && field.default === undefined) errors[field.name] = "is required";
      continue;
    }
    if (field.type === "number" || field.type === "integer") {
      const number = Number(text);
      if (!Number.isFinite(number) || (field.type === "integer" && !Number.isInteger(number))) errors[field.name] = `must be ${field.type === "integer" ? "a whole number" : "a number"}`;
      else settings[field.name] = number;
    } else if (field.type === "object" || field.type === "array") {
      try {
        const parsed: unknown = JSON.parse(text);
        const isArray = Array.isArray(parsed);
        if (typeof parsed !== "object" || parsed === null || isArray !== (field.type === "array")) errors[field.name] = `must be a JSON ${field.type}`;
        else settings[field.name] = parsed;
      } catch {
        errors[field.name] = `must be valid JSON (${field.type === "array" ? '["…"]' : '{"name": "value"}'})`;
      }
    } else {
      settings[field.name] = text;
    }
  }
  return { settings, errors };
}
