import type { core } from "zod";

/**
 * Messages for zod issues that a non-engineer can act on: "distinct_id is required",
 * "time must be a number, got string". Used as the parse-time error map, so messages an action's
 * author wrote on the schema itself still win. Returns undefined to keep zod's own message.
 */
export function describeIssue(issue: core.$ZodRawIssue): string | undefined {
  const field = fieldName(issue.path ?? []);
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) {
        return field === undefined ? "The mapping produced no payload for this event" : `${field} is required`;
      }
      if (issue.expected === "int" && typeof issue.input === "number") {
        return `${field ?? "The payload"} must be a whole number, got ${issue.input}`;
      }
      return `${field ?? "The payload"} must be ${expectedKind(issue.expected)}, got ${kindOf(issue.input)}`;
    case "too_small":
      return `${field ?? "The payload"} ${sizeRule(issue.origin, "at least", issue.minimum, issue.inclusive, issue.exact)}`;
    case "too_big":
      return `${field ?? "The payload"} ${sizeRule(issue.origin, "at most", issue.maximum, issue.inclusive, issue.exact)}`;
    case "invalid_format":
      return `${field ?? "The payload"} must be ${formatName(issue.format, issue.pattern)}`;
    case "invalid_value":
      return `${field ?? "The payload"} must be ${issue.values.length === 1 ? "" : "one of "}${issue.values.map(show).join(", ")}`;
    case "unrecognized_keys":
      return `${field ?? "The payload"} has ${issue.keys.length === 1 ? "a field" : "fields"} this action does not accept: ${issue.keys.join(", ")}`;
    case "invalid_union":
      return `${field ?? "The payload"} does not match any of the accepted forms`;
    case "not_multiple_of":
      return `${field ?? "The payload"} must be a multiple of ${issue.divisor}`;
    default:
      return undefined;
  }
}

/** The field an issue is about, in words: `distinct_id`, or `products item 2` for an index. */
function fieldName(path: readonly PropertyKey[]): string | undefined {
  const last = path.at(-1);
  if (last === undefined) return undefined;
  if (typeof last === "number") {
    const parent = path.at(-2);
    return `${typeof parent === "string" ? `${parent} ` : ""}item ${last + 1}`;
  }
  return typeof last === "symbol" ? (last.description ?? "a field") : last;
}

const EXPECTED: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  tuple: "a list",
  object: "an object",
  record: "an object",
  null: "null",
  date: "a date",
};

function expectedKind(expected: string): string {
  return EXPECTED[expected] ?? `a ${expected}`;
}

/** What a value is, in the words of the "got ..." part of a message. */
function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "number" && Number.isNaN(value)) return "NaN";
  return typeof value;
}

function sizeRule(origin: string, bound: "at least" | "at most", limit: number | bigint, inclusive?: boolean, exact?: boolean): string {
  const amount = exact === true ? `exactly ${limit}` : inclusive === false ? `${bound === "at least" ? "more" : "less"} than ${limit}` : `${bound} ${limit}`;
  switch (origin) {
    case "string":
      if (bound === "at least" && limit === 1 && exact !== true) return "must not be empty";
      return `must be ${amount} characters long`;
    case "array":
    case "set":
      if (bound === "at least" && limit === 1 && exact !== true) return "must have at least one item";
      return `must have ${amount} items`;
    default:
      return `must be ${amount}`;
  }
}

const FORMATS: Record<string, string> = {
  email: "a valid email address",
  url: "a valid URL",
  uuid: "a valid UUID",
  guid: "a valid UUID",
  datetime: "a date and time such as 2024-05-01T12:00:00Z",
  date: "a date such as 2024-05-01",
  time: "a time such as 12:00:00",
  ipv4: "an IPv4 address",
  ipv6: "an IPv6 address",
  e164: "a phone number in international form, such as +14155550100",
};

function formatName(format: string, pattern: string | undefined): string {
  if (format === "regex" && pattern !== undefined) return `text matching ${pattern}`;
  return FORMATS[format] ?? `a valid ${format}`;
}

function show(value: unknown): string {
  return typeof value === "string" ? `"${value}"` : String(value);
}
