import { afterEach, describe, expect, it } from "vitest";
import { compileMapping } from "../compile";
import { evaluateMapping } from "../evaluate";
import { compare, compiledFor, expectSameOutcome } from "./testing/differential";
import { runtime } from "./runtime";

const PROTOTYPE_KEYS = JSON.parse(
  '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "toString": "t", "valueOf": 1, "hasOwnProperty": "h",' +
    ' "nested": {"__proto__": {"polluted": true}, "constructor": "c"}, "keys": ["__proto__", "constructor", "toString"]}',
) as object;

const EXPRESSIONS = [
  `__proto__`,
  `__proto__.polluted`,
  `constructor`,
  `constructor.prototype`,
  `toString`,
  `valueOf`,
  `hasOwnProperty`,
  `nested.__proto__`,
  `nested.constructor`,
  `missing.__proto__`,
  `{ "__proto__": __proto__, "constructor": constructor, "toString": toString }`,
  `{ "copy": { "__proto__": nested.__proto__ } }.copy`,
  `$merge([$, nested, { "__proto__": 1 }])`,
  `$merge([nested]).__proto__`,
  `$keys($)`,
  `$lookup($, "__proto__")`,
  `$lookup(nested, "constructor")`,
  `{ keys[0]: 1, keys[1]: 2, keys[2]: 3 }`,
  `{ keys[0]: 1 }.__proto__`,
  `$string($)`,
  `$ = $merge([$])`,
  `{ "a": 1 }.toString`,
  `{ "a": 1 }.constructor`,
];

afterEach(() => {
  expect(Reflect.get(Object.prototype, "polluted")).toBeUndefined();
  expect(Reflect.get({}, "polluted")).toBeUndefined();
});

describe("compiled mappings and hostile data", () => {
  it.each(EXPRESSIONS)("treats prototype-named keys as JSONata does: %s", async (text) => {
    expect(typeof compiledFor(text)).toBe("object");
    expectSameOutcome(await compare(text, PROTOTYPE_KEYS), text);
  });

  it("never evaluates event data as code", async () => {
    const event = {
      a: '"); globalThis.pwned = 1; ("',
      b: "${globalThis.pwned = 1}",
      c: "`; globalThis.pwned = 1; `",
      "x\"); globalThis.pwned = 1; (\"": "key",
      "\u2028": "line separator",
    };
    const texts = [`{ "a": a & b & c, "keys": $keys($), "s": $string($) }`, `$merge([$, { (a): b }])`, `$lookup($, "x\\"); globalThis.pwned = 1; (\\"")`];
    for (const text of texts) {
      expectSameOutcome(await compare(text, event), text);
      await evaluateMapping(compileMapping(text), event);
    }
    expect(Reflect.get(globalThis, "pwned")).toBeUndefined();
  });

  it("keeps literals and field names of the mapping text inert", async () => {
    const texts = [
      `{ "\\"); globalThis.pwned = 1; (\\"": "\\"); globalThis.pwned = 1; (\\"" }`,
      "{ \"k\": `a\"); globalThis.pwned = 1; (\"`, \"l\": \"\\u2028\\u2029\", \"m\": \"${globalThis.pwned = 1}\" }",
      `{ "__proto__": { "polluted": true } }`,
    ];
    const event = { 'a"); globalThis.pwned = 1; ("': 42 };
    for (const text of texts) {
      expect(compileMapping(text).kind).toBe("compiled");
      expectSameOutcome(await compare(text, event), text);
    }
    expect(Reflect.get(globalThis, "pwned")).toBeUndefined();
  });

  it("generates code from a closed set of names, with no way to reach eval, Function or globals", () => {
    const texts = [
      `( $f := function($v) { $uppercase($v) & "!" }; { "a": $f(a.b[0]), "b": [c, d][1], "c": e ? f : g, "d": $merge([h, { (i): j }]), "e": k[l > 1].m } )`,
      `{ "\\"); eval(\\"1\\"); (\\"": constructor.constructor }`,
    ];
    // calling a value that is not a named function is left to the interpreter
    expect(compiledFor(`constructor.constructor("return globalThis")()`)).toMatch(/call/);
    const allowed = new Set([
      ...Object.keys(runtime),
      "use", "strict", "const", "let", "return", "undefined", "new", "Set", "Array", "isArray", "Object", "freeze",
      "rt", "fns", "root", "true", "false", "null", "Infinity", "NaN",
    ]);
    for (const text of texts) {
      const compiled = compiledFor(text);
      if (typeof compiled === "string") throw new Error(compiled);
      // string literals are JSON; outside them, every identifier is generated or from the list
      const code = compiled.source.replace(/"(?:[^"\\]|\\.)*"/g, '""');
      const identifiers = code.match(/[A-Za-z_$][\w$]*/g) ?? [];
      const unknown = identifiers.filter((name) => !allowed.has(name) && !/^[tvkfpi]\d+(?:_\d+)?$/.test(name));
      expect(unknown, compiled.source).toEqual([]);
    }
  });
});
