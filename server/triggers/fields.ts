const SCALAR_ROOTS = ["type", "event", "name", "userId", "anonymousId", "messageId"] as const;
const OBJECT_ROOTS = ["properties", "traits", "context", "integrations"] as const;

export type FieldRoot = (typeof SCALAR_ROOTS)[number] | (typeof OBJECT_ROOTS)[number];

/** The fields a trigger can name, in the order error messages list them. */
export const FIELD_ROOTS: readonly FieldRoot[] = [...SCALAR_ROOTS, ...OBJECT_ROOTS];

/** A field named in a trigger: a root and the keys below it (`properties."order id"` → `["order id"]`). */
export interface FieldRef {
  readonly root: FieldRoot;
  readonly path: readonly string[];
}

const ARRAY_INDEX = /^(?:0|[1-9]\d*)$/;

export function isFieldRoot(name: string): name is FieldRoot {
  return (FIELD_ROOTS as readonly string[]).includes(name);
}

/** Whether keys may follow the root: `properties.total` does, `type.x` does not. */
export function hasNestedFields(root: FieldRoot): boolean {
  return (OBJECT_ROOTS as readonly string[]).includes(root);
}

/** `undefined` and `null` are the same to a trigger: the field is absent. */
export function isAbsent(value: unknown): value is undefined | null {
  return value === undefined || value === null;
}

/**
 * Reads a field from an event of any shape without throwing. Only own properties count, so
 * `properties.constructor` is absent; a numeric key indexes an array (`properties.items.0.sku`).
 *
 * `traits.<path>` reads the event's top-level `traits` (identify and group) and, where the value
 * is absent there, `context.traits` (where track, page and screen events carry the user's traits).
 */
export function readField(event: unknown, field: FieldRef): unknown {
  const value = readPath(child(event, field.root), field.path);
  if (field.root !== "traits" || !isAbsent(value)) return value;
  return readPath(child(child(event, "context"), "traits"), field.path);
}

function readPath(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (isAbsent(current)) return undefined;
    current = child(current, key);
  }
  return current;
}

function child(value: unknown, key: string): unknown {
  if (typeof value !== "object" || value === null) return undefined;
  if (Array.isArray(value)) return ARRAY_INDEX.test(key) ? value[Number(key)] : undefined;
  return Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}
