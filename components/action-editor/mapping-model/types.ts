/** A constant a field can hold. */
export type Constant = string | number | boolean | null;

/** A step of a transform chain, applied in order to the field's source. */
export type Transform =
  | { kind: "lowercase" }
  | { kind: "uppercase" }
  | { kind: "trim" }
  | { kind: "toNumber" }
  | { kind: "toString" }
  | { kind: "sha256" }
  /** Seconds since the epoch, from an ISO 8601 date. */
  | { kind: "unixSeconds" }
  | { kind: "unixMillis" }
  /** An ISO 8601 date reformatted with a picture, e.g. `[Y0001]-[M01]-[D01]`. */
  | { kind: "formatDate"; picture: string }
  /** `when: "missing"` (`??`) replaces only an absent value; `"empty"` (`?:`) also "", 0, false. */
  | { kind: "default"; value: Constant; when: "missing" | "empty" }
  /** Another field of the event when this one is missing (`??`) or empty (`?:`). */
  | { kind: "fallback"; path: string[]; when: "missing" | "empty" };

export type TemplatePart = { kind: "text"; text: string } | { kind: "path"; path: string[] };

/** Where a field's value comes from, before transforms. */
export type ValueSource =
  | { kind: "path"; path: string[] }
  | { kind: "constant"; value: Constant }
  | { kind: "template"; parts: TemplatePart[] };

/** One field of the payload, as the visual view shows it. */
export type MappingRow =
  | { key: string; kind: "value"; source: ValueSource; transforms: Transform[] }
  | { key: string; kind: "object"; rows: MappingRow[] }
  /** A list built item by item from a list of the event, e.g. `properties.products`. */
  | { key: string; kind: "each"; path: string[]; rows: MappingRow[]; keepArray: boolean }
  /** JSONata the visual view cannot show as a value: kept byte for byte. */
  | { key: string; kind: "expression"; text: string };

/**
 * A mapping as the visual view sees it: the payload's object as rows, with whatever surrounds it
 * (comments, variables of a block) kept as text; or the whole mapping as one expression.
 */
export type MappingModel =
  | { kind: "rows"; prefix: string; suffix: string; rows: MappingRow[] }
  | { kind: "expression"; text: string; reason: string };
