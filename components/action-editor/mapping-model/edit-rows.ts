import type { MappingRow } from "./types";

/**
 * The rows with the row at `keys` (a key per level) replaced, or added when missing; `null`
 * removes it. A new top-level row goes where `order` (the action's field names) puts it.
 */
export function replaceRow(rows: readonly MappingRow[], keys: readonly string[], row: MappingRow | null, order: readonly string[] = []): MappingRow[] {
  const [key, ...rest] = keys;
  if (key === undefined) return [...rows];
  const index = rows.findIndex((r) => r.key === key);
  if (rest.length === 0) {
    if (row === null) return rows.filter((r) => r.key !== key);
    if (index < 0) return insertInOrder(rows, row, order);
    return rows.map((r, i) => (i === index ? row : r));
  }
  const parent = index >= 0 ? rows[index]! : null;
  const children = parent && (parent.kind === "object" || parent.kind === "each") ? parent.rows : [];
  const updated = replaceRow(children, rest, row);
  const nextParent: MappingRow = parent && parent.kind === "each" ? { ...parent, rows: updated } : { key, kind: "object", rows: updated };
  if (index < 0) return insertInOrder(rows, nextParent, order);
  return rows.map((r, i) => (i === index ? nextParent : r));
}

function insertInOrder(rows: readonly MappingRow[], row: MappingRow, order: readonly string[]): MappingRow[] {
  const rank = order.indexOf(row.key);
  const before = rank < 0 ? -1 : rows.findIndex((r) => {
    const other = order.indexOf(r.key);
    return other < 0 || other > rank;
  });
  return before < 0 ? [...rows, row] : [...rows.slice(0, before), row, ...rows.slice(before)];
}
