import type { MappingRow } from "./types";

const path = (...steps: string[]) => ({ kind: "path" as const, path: steps });

/** Rows the visual view builds; each must come back identical through JSONata. */
export const visualRoundTrips: ReadonlyArray<{ name: string; rows: MappingRow[] }> = [
  { name: "a path", rows: [{ key: "email", kind: "value", source: path("traits", "email"), transforms: [] }] },
  { name: "a path needing backticks", rows: [{ key: "first", kind: "value", source: path("traits", "first name"), transforms: [] }] },
  { name: "constants", rows: [
    { key: "s", kind: "value", source: { kind: "constant", value: "web \"shop\"" }, transforms: [] },
    { key: "n", kind: "value", source: { kind: "constant", value: -2.5 }, transforms: [] },
    { key: "b", kind: "value", source: { kind: "constant", value: false }, transforms: [] },
    { key: "z", kind: "value", source: { kind: "constant", value: null }, transforms: [] },
  ] },
  { name: "a template", rows: [{ key: "name", kind: "value", source: { kind: "template", parts: [path("traits", "firstName"), { kind: "text", text: " " }, path("traits", "lastName")] }, transforms: [] }] },
  { name: "a template of one path", rows: [{ key: "id", kind: "value", source: { kind: "template", parts: [path("userId")] }, transforms: [] }] },
  { name: "lowercase", rows: [{ key: "email", kind: "value", source: path("traits", "email"), transforms: [{ kind: "lowercase" }] }] },
  { name: "a chain: trim, lowercase, sha256", rows: [{ key: "em", kind: "value", source: path("traits", "email"), transforms: [{ kind: "trim" }, { kind: "lowercase" }, { kind: "sha256" }] }] },
  { name: "to number and to text", rows: [
    { key: "total", kind: "value", source: path("properties", "total"), transforms: [{ kind: "toNumber" }] },
    { key: "id", kind: "value", source: path("properties", "id"), transforms: [{ kind: "toString" }, { kind: "uppercase" }] },
  ] },
  { name: "unix time in seconds and milliseconds", rows: [
    { key: "time", kind: "value", source: path("timestamp"), transforms: [{ kind: "unixSeconds" }] },
    { key: "ms", kind: "value", source: path("timestamp"), transforms: [{ kind: "unixMillis" }] },
  ] },
  { name: "format a date", rows: [{ key: "day", kind: "value", source: path("timestamp"), transforms: [{ kind: "formatDate", picture: "[Y0001]-[M01]-[D01]" }] }] },
  { name: "default when missing and when empty", rows: [
    { key: "plan", kind: "value", source: path("traits", "plan"), transforms: [{ kind: "default", value: "free", when: "missing" }] },
    { key: "n", kind: "value", source: path("properties", "quantity"), transforms: [{ kind: "default", value: 1, when: "empty" }] },
  ] },
  { name: "a default, then lowercase", rows: [{ key: "plan", kind: "value", source: path("traits", "plan"), transforms: [{ kind: "default", value: "FREE", when: "missing" }, { kind: "lowercase" }] }] },
  { name: "lowercase, then a default, then another", rows: [{ key: "plan", kind: "value", source: path("traits", "plan"), transforms: [{ kind: "lowercase" }, { kind: "default", value: "free", when: "missing" }, { kind: "default", value: "x", when: "empty" }] }] },
  { name: "a template with a default", rows: [{ key: "name", kind: "value", source: { kind: "template", parts: [path("traits", "firstName"), { kind: "text", text: " " }, path("traits", "lastName")] }, transforms: [{ kind: "default", value: "Anonymous", when: "empty" }] }] },
  { name: "fall back to another field", rows: [{ key: "distinct_id", kind: "value", source: path("userId"), transforms: [{ kind: "fallback", path: ["anonymousId"], when: "missing" }] }] },
  { name: "the whole event", rows: [{ key: "event", kind: "value", source: path(), transforms: [] }] },
  { name: "a nested object", rows: [{ key: "properties", kind: "object", rows: [
    { key: "time", kind: "value", source: path("timestamp"), transforms: [{ kind: "unixMillis" }] },
    { key: "user", kind: "object", rows: [{ key: "id", kind: "value", source: path("userId"), transforms: [] }] },
  ] }] },
  { name: "an empty nested object", rows: [{ key: "extra", kind: "object", rows: [] }] },
  { name: "products item by item", rows: [{ key: "items", kind: "each", path: ["properties", "products"], keepArray: true, rows: [
    { key: "id", kind: "value", source: path("product_id"), transforms: [] },
    { key: "price", kind: "value", source: path("price"), transforms: [{ kind: "toNumber" }] },
    { key: "label", kind: "value", source: { kind: "template", parts: [path("name"), { kind: "text", text: " × " }, path("quantity")] }, transforms: [] },
  ] }] },
  { name: "an expression row beside value rows", rows: [
    { key: "event", kind: "value", source: path("event"), transforms: [] },
    { key: "props", kind: "expression", text: "$merge([properties, { \"source\": \"web\" }])" },
  ] },
  { name: "keys with quotes and dollars", rows: [{ key: "$insert_id", kind: "value", source: path("messageId"), transforms: [] }, { key: "say \"hi\"", kind: "value", source: { kind: "constant", value: 1 }, transforms: [] }] },
];

/** Field values beyond the visual view: each must stay an expression row, its text byte for byte. */
export const expressionFields: readonly string[] = [
  "$merge([properties, { \"x\": 1 }])",
  "properties.total * 100",
  "$count(properties.products)",
  "properties.products[price > 10].name",
  "userId ? \"known\" : \"anonymous\"",
  "$substringAfter(traits.email, \"@\")",
  "$round(properties.total, 2)",
  "properties.products.(price * quantity)",
  "/* the plan */ traits.plan",
  "traits ~> | $ | {}, [\"password\"] |",
  "$$.userId",
  "$toMillis(timestamp, \"[Y0001]-[M01]-[D01]\")",
  "[traits.email, context.traits.email]",
  "$fromMillis($toMillis(timestamp), pictureVar)",
  "a & \"\" & b",
  "function($x) { $x * 2 }(3)",
];
