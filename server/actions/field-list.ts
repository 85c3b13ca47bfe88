import { z } from "zod";

export type ActionFieldType = "string" | "number" | "integer" | "boolean" | "object" | "array" | "any";

/** One field of an action's payload as the editor shows it. */
export interface ActionFieldView {
  name: string;
  /** Dotted path from the payload's top, e.g. `properties.distinct_id`. */
  path: string;
  type: ActionFieldType;
  required: boolean;
  description?: string;
  format?: string;
  /** Allowed values, for a choice. */
  options?: string[];
  /** The fields of an object. */
  fields?: ActionFieldView[];
  /** The shape of each item of a list. */
  items?: ActionFieldView;
  /** Whether an object accepts keys beyond its declared fields. */
  open?: boolean;
}

type JsonSchema = {
  type?: string | string[];
  description?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema | boolean>;
  required?: string[];
  items?: JsonSchema | boolean;
  additionalProperties?: JsonSchema | boolean;
  anyOf?: (JsonSchema | boolean)[];
  oneOf?: (JsonSchema | boolean)[];
};

/**
 * Describes an action's payload from its zod fields: the top object's fields, nested objects
 * and list items, with what is required. Unions read as their first object-like branch.
 */
export function actionFieldsOf(schema: z.ZodType): { fields: ActionFieldView[]; open: boolean } {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  const top = describe(json, "", "", true);
  return { fields: top.fields ?? [], open: top.open ?? true };
}

function describe(schema: JsonSchema | boolean, name: string, path: string, required: boolean): ActionFieldView {
  const node = pick(typeof schema === "boolean" ? {} : schema);
  const field: ActionFieldView = { name, path, type: typeOf(node), required };
  if (node.description) field.description = node.description;
  if (node.format) field.format = node.format;
  if (node.enum) field.options = node.enum.map(String);
  if (field.type === "object") {
    const mandatory = new Set(node.required ?? []);
    field.fields = Object.entries(node.properties ?? {}).map(([key, child]) =>
      describe(child, key, path ? `${path}.${key}` : key, mandatory.has(key)),
    );
    field.open = node.additionalProperties !== false && node.additionalProperties !== undefined ? true : node.properties === undefined;
  }
  if (field.type === "array" && node.items !== undefined) field.items = describe(node.items, "item", path, true);
  return field;
}

/** The branch of a union worth showing: the first object, else the first one. */
function pick(schema: JsonSchema): JsonSchema {
  const branches = (schema.anyOf ?? schema.oneOf)?.filter((b): b is JsonSchema => typeof b !== "boolean");
  if (!branches || branches.length === 0) return schema;
  const chosen = branches.find((b) => b.type === "object") ?? branches.find((b) => b.type !== "null") ?? branches[0]!;
  return { ...pick(chosen), description: schema.description ?? chosen.description };
}

function typeOf(schema: JsonSchema): ActionFieldType {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "string":
    case "number":
    case "integer":
    case "boolean":
    case "object":
    case "array":
      return type;
    default:
      return schema.properties ? "object" : "any";
  }
}
