import jsonata from "jsonata";

/** A node of JSONata's parse tree, read loosely: the package types it as `any`. */
export type Node = { readonly [key: string]: unknown; readonly type?: string };

/** The parse tree of `text`, or null when it does not parse. */
export function treeOf(text: string): Node | null {
  try {
    const tree: unknown = jsonata(text).ast();
    return isNode(tree) ? tree : null;
  } catch {
    return null;
  }
}

export function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The tree without positions, as a string: two texts that parse alike compare equal. */
export function shapeOf(node: unknown): string {
  return JSON.stringify(node, (key, value: unknown) => (key === "position" ? undefined : value));
}

/** Whether a node carries only the given keys (no predicates, grouping, focus...). */
export function hasOnly(node: Node, keys: readonly string[]): boolean {
  return Object.entries(node).every(([key, value]) => value === undefined || key === "position" || keys.includes(key));
}
