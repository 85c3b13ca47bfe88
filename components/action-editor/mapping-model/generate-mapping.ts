import type { Constant, MappingModel, MappingRow, Transform, ValueSource } from "./types";

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const RESERVED = new Set(["and", "or", "in", "true", "false", "null", "function"]);

/** A path as JSONata text: `context.page.url`, with backticks around names that need them. */
export function pathText(path: readonly string[]): string {
  return path.map((step) => (NAME.test(step) && !RESERVED.has(step) ? step : `\`${step}\``)).join(".");
}

export function constantText(value: Constant): string {
  if (typeof value === "number" && !Number.isFinite(value)) return "null";
  return JSON.stringify(value);
}

function sourceText(source: ValueSource): string {
  switch (source.kind) {
    case "path":
      return source.path.length === 0 ? "$" : pathText(source.path);
    case "constant":
      return constantText(source.value);
    case "template": {
      const parts = source.parts.filter((part) => part.kind === "path" || part.text !== "");
      if (parts.length === 0) return '""';
      const texts = parts.map((part) => (part.kind === "text" ? JSON.stringify(part.text) : pathText(part.path)));
      // a lone path still reads as text: "" & path turns a number into its string
      return texts.length === 1 && parts[0]!.kind === "path" ? `"" & ${texts[0]}` : texts.join(" & ");
    }
  }
}

function applyTransform(inner: string, transform: Transform, innerIsOperator: boolean): string {
  switch (transform.kind) {
    case "lowercase":
      return `$lowercase(${inner})`;
    case "uppercase":
      return `$uppercase(${inner})`;
    case "trim":
      return `$trim(${inner})`;
    case "toNumber":
      return `$number(${inner})`;
    case "toString":
      return `$string(${inner})`;
    case "sha256":
      return `$sha256(${inner})`;
    case "unixSeconds":
      return `$floor($toMillis(${inner}) / 1000)`;
    case "unixMillis":
      return `$toMillis(${inner})`;
    case "formatDate":
      return `$fromMillis($toMillis(${inner}), ${JSON.stringify(transform.picture)})`;
    case "default":
      return `${innerIsOperator ? `(${inner})` : inner} ${transform.when === "missing" ? "??" : "?:"} ${constantText(transform.value)}`;
    case "fallback":
      return `${innerIsOperator ? `(${inner})` : inner} ${transform.when === "missing" ? "??" : "?:"} ${transform.path.length === 0 ? "$" : pathText(transform.path)}`;
  }
}

/** A value row's JSONata: its source with its transforms applied in order. */
export function valueText(source: ValueSource, transforms: readonly Transform[]): string {
  let text = sourceText(source);
  let isOperator = source.kind === "template";
  for (const transform of transforms) {
    text = applyTransform(text, transform, isOperator);
    isOperator = transform.kind === "default" || transform.kind === "fallback";
  }
  return text;
}

function rowValueText(row: MappingRow, indent: string): string {
  switch (row.kind) {
    case "value":
      return valueText(row.source, row.transforms);
    case "expression":
      return row.text;
    case "object":
      return objectText(row.rows, indent);
    case "each":
      return `${pathText(row.path)}.${objectText(row.rows, indent)}${row.keepArray ? "[]" : ""}`;
  }
}

/** The rows as an object constructor, one field a line, nested objects indented by two spaces. */
export function objectText(rows: readonly MappingRow[], indent = ""): string {
  if (rows.length === 0) return "{}";
  const inner = `${indent}  `;
  const lines = rows.map((row) => `${inner}${JSON.stringify(row.key)}: ${rowValueText(row, inner)}`);
  return `{\n${lines.join(",\n")}\n${indent}}`;
}

/** The mapping's text: what surrounded the object, byte for byte, around the rows' object. */
export function generateMapping(model: MappingModel): string {
  if (model.kind === "expression") return model.text;
  const lastLine = model.prefix.slice(model.prefix.lastIndexOf("\n") + 1);
  const indent = /^\s*$/.test(lastLine) ? lastLine : "";
  return `${model.prefix}${objectText(model.rows, indent)}${model.suffix}`;
}
