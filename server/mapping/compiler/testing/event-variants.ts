/**
 * Test support: deterministic variants of a sample event, to drive the differential tests over
 * the shapes real events take (fields missing, nulls, numbers as strings, lists of 0, 1 or 3
 * items) and some they should not (keys named like Object.prototype members).
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface EventVariant {
  readonly name: string;
  readonly event: JsonObject;
}

const NESTED_PATHS: readonly (readonly string[])[] = [
  ["context", "page"],
  ["context", "traits"],
  ["context", "device"],
  ["context", "library"],
  ["context", "userAgent"],
  ["context", "page", "url"],
  ["traits", "name"],
  ["traits", "email"],
  ["properties", "products"],
  ["properties", "total"],
];

export function eventVariants(name: string, sample: JsonObject): EventVariant[] {
  const variants: EventVariant[] = [{ name, event: sample }];
  const add = (label: string, change: (event: JsonObject) => void): void => {
    const event = structuredClone(sample);
    change(event);
    variants.push({ name: `${name} ${label}`, event });
  };

  for (const key of Object.keys(sample)) {
    add(`without ${key}`, (event) => delete event[key]);
    add(`with ${key} null`, (event) => (event[key] = null));
  }
  for (const path of NESTED_PATHS) {
    if (readPath(sample, path) === undefined) continue;
    add(`without ${path.join(".")}`, (event) => deletePath(event, path));
    add(`with ${path.join(".")} null`, (event) => setPath(event, path, null));
  }

  const products = readPath(sample, ["properties", "products"]);
  if (Array.isArray(products)) {
    const product = products[0] ?? {};
    add("with no products", (event) => setPath(event, ["properties", "products"], []));
    add("with one product", (event) => setPath(event, ["properties", "products"], [product]));
    add("with three products", (event) => setPath(event, ["properties", "products"], [product, ...products, product].slice(0, 3)));
    add("with products as an object", (event) => setPath(event, ["properties", "products"], product));
  }

  add("with numbers as strings", (event) => mapValues(event, (value) => (typeof value === "number" ? String(value) : value)));
  add("with strings as numbers", (event) => mapValues(event, (value) => (typeof value === "string" && /^[0-9]+$/.test(value) ? Number(value) : value)));
  add("with empty strings", (event) => mapValues(event, (value) => (typeof value === "string" && value.length < 4 ? "" : value)));
  add("with ids as numbers", (event) => {
    event.userId = 8271;
    event.anonymousId = 42;
  });
  add("with ids as booleans", (event) => {
    event.userId = true;
    event.anonymousId = false;
  });
  add("with lists for ids", (event) => {
    event.userId = ["a", "b"];
    event.messageId = [];
  });
  add("with objects for strings", (event) => {
    event.event = { name: "x" };
    event.name = { first: "x" };
    event.timestamp = {};
  });
  add("with an odd user agent", (event) => setPath(event, ["context", "userAgent"], "curl/8.0 Safari/ Mobile/ Edg/"));
  add("with an unusual timestamp", (event) => (event.timestamp = "2025-06-02"));
  add("with a timestamp in an offset", (event) => (event.timestamp = "2025-06-02T14:03:12+02:00"));
  add("with a bad timestamp", (event) => (event.timestamp = "yesterday"));
  add("with big and precise numbers", (event) => {
    setPath(event, ["properties", "total"], 0.1 + 0.2);
    setPath(event, ["properties", "revenue"], 1e21);
    setPath(event, ["traits", "logins"], -0);
  });
  add("with keys named like prototype members", (event) => {
    defineKey(event, "__proto__", { polluted: true });
    defineKey(event, "constructor", "c");
    defineKey(event, "toString", "t");
    setPath(event, ["properties", "hasOwnProperty"], 1);
    setPath(event, ["traits", "__proto__"], { name: "proto" });
  });
  add("with JSONata's internal flags as keys", (event) => {
    setPath(event, ["context", "_jsonata_lambda"], true);
    setPath(event, ["properties", "_jsonata_function"], true);
  });
  return variants;
}

function readPath(event: JsonObject, path: readonly string[]): Json | undefined {
  let value: Json | undefined = event;
  for (const key of path) {
    if (typeof value !== "object" || value === null || Array.isArray(value) || !Object.hasOwn(value, key)) return undefined;
    value = value[key];
  }
  return value;
}

function parentOf(event: JsonObject, path: readonly string[]): JsonObject {
  let value: JsonObject = event;
  for (const key of path.slice(0, -1)) {
    const next = Object.hasOwn(value, key) ? value[key] : undefined;
    if (typeof next !== "object" || next === null || Array.isArray(next)) {
      const created: JsonObject = {};
      defineKey(value, key, created);
      value = created;
    } else {
      value = next;
    }
  }
  return value;
}

function setPath(event: JsonObject, path: readonly string[], json: Json): void {
  defineKey(parentOf(event, path), path[path.length - 1] ?? "", json);
}

function deletePath(event: JsonObject, path: readonly string[]): void {
  delete parentOf(event, path)[path[path.length - 1] ?? ""];
}

/** Like JSON.parse, `__proto__` becomes an own key rather than the prototype. */
function defineKey(target: JsonObject, key: string, json: Json): void {
  Object.defineProperty(target, key, { value: json, enumerable: true, writable: true, configurable: true });
}

function mapValues(value: JsonObject, change: (leaf: Json) => Json): void {
  for (const key of Object.keys(value)) {
    const child = value[key];
    if (child === undefined) continue;
    if (Array.isArray(child)) {
      child.forEach((item, index) => {
        if (typeof item === "object" && item !== null && !Array.isArray(item)) mapValues(item, change);
        else child[index] = change(item);
      });
    } else if (typeof child === "object" && child !== null) {
      mapValues(child, change);
    } else {
      value[key] = change(child);
    }
  }
}
