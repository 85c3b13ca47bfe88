import type { MappingRow } from "./types";

/** The rows with the row at `keys` (a key per level) replaced, or added when missing; `null` removes it. */
export function replaceRow(rows: readonly MappingRow[], keys: readonly string[], row: MappingRow | null): MappingRow[] {
  const [key, ...rest] = keys;
  if (key === undefined) return [...rows];
  const index = rows.findIndex((r) => r.key === key);
  if (rest.length === 0) {
    if (row === null) return rows.filter((r) => r.key !== key);
    if (index < 0) return [...rows, row];
    return rows.map((r, i) => (i === index ? row : r));
  }
  const parent = index >= 0 ? rows[index]! : null;
  const children = parent && (parent.kind === "object" || parent.kind === "each") ? parent.rows : [];
  const updated = replaceRow(children, rest, row);
  const nextParent: MappingRow = parent && parent.kind === "each" ? { ...parent, rows: updated } : { key, kind: "object", rows: updated };
  if (index < 0) return [...rows, nextParent];
  return rows.map((r, i) => (i === index ? nextParent : r));
}
