import type { TemplatePart } from "./types";

/** `{{traits.firstName}} {{traits.lastName}}` as template parts. */
export function parseTemplate(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  const pattern = /\{\{\s*([^{}]+?)\s*\}\}/g;
  let last = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match.index > last) parts.push({ kind: "text", text: text.slice(last, match.index) });
    parts.push({ kind: "path", path: match[1]!.split(".").map((s) => s.trim()).filter(Boolean) });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ kind: "text", text: text.slice(last) });
  return parts.filter((p) => p.kind === "text" || p.path.length > 0);
}

export function templateText(parts: readonly TemplatePart[]): string {
  return parts.map((p) => (p.kind === "text" ? p.text : `{{${p.path.join(".")}}}`)).join("");
}
