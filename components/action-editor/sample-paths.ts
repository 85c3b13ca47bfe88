/** One field of a sample event, for the source picker's tree and for completion. */
export type SamplePath = { path: string[]; depth: number; kind: "object" | "array" | "value"; preview: string };

const MAX_PATHS = 600;

/** Every field of an event, depth first; a list's items are read from its first item. */
export function samplePaths(event: unknown): SamplePath[] {
  const paths: SamplePath[] = [];
  const walk = (value: unknown, path: string[]) => {
    if (paths.length >= MAX_PATHS) return;
    if (Array.isArray(value)) {
      if (path.length > 0) paths.push({ path, depth: path.length - 1, kind: "array", preview: `list of ${value.length}` });
      const first: unknown = value[0];
      if (typeof first === "object" && first !== null && !Array.isArray(first)) {
        for (const [key, child] of Object.entries(first)) walk(child, [...path, key]);
      }
      return;
    }
    if (typeof value === "object" && value !== null) {
      if (path.length > 0) paths.push({ path, depth: path.length - 1, kind: "object", preview: "" });
      for (const [key, child] of Object.entries(value)) walk(child, [...path, key]);
      return;
    }
    paths.push({ path, depth: path.length - 1, kind: "value", preview: previewOf(value) });
  };
  walk(event, []);
  return paths;
}

/** The value at a path; lists give their first item's value, as the picker shows. */
export function valueAt(event: unknown, path: readonly string[]): unknown {
  let value: unknown = event;
  for (const step of path) {
    if (Array.isArray(value)) value = value[0];
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  return value;
}

export function previewOf(value: unknown): string {
  if (value === undefined) return "";
  const text = typeof value === "string" ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** The list fields of an event (products...), for mapping a list item by item. */
export function listPaths(event: unknown): string[][] {
  return samplePaths(event).filter((p) => p.kind === "array").map((p) => p.path);
}
