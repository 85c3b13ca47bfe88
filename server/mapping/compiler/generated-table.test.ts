import { describe, expect, it } from "vitest";
import { compare, compiledFor } from "./testing/differential";
import { cornerEvents } from "./fixtures/corner-events";

/**
 * A generated table: every operator between every pair of operands, and every compiled function
 * over every operand, each over a few events, compiled code against the interpreter.
 */
const OPERANDS = [`a`, `b`, `c`, `d`, `e`, `f`, `nope`, `s`, `e[0]`, `"1"`, `0`, `[]`, `{}`, `properties.products.price`, `one.b`, `fn`];
const OPERATORS = [`+`, `-`, `*`, `/`, `%`, `=`, `!=`, `<`, `<=`, `>`, `>=`, `&`, `and`, `or`, `in`, `??`, `?:`];
const FUNCTIONS = [
  `$string(X)`, `$number(X)`, `$boolean(X)`, `$not(X)`, `$exists(X)`, `$count(X)`, `$length(X)`, `$lowercase(X)`, `$uppercase(X)`,
  `$trim(X)`, `$merge(X)`, `$keys(X)`, `$toMillis(X)`, `$fromMillis(X)`, `$round(X)`, `$floor(X)`, `$ceil(X)`, `$abs(X)`, `$sum(X)`,
  `$max(X)`, `$min(X)`, `$average(X)`, `$type(X)`, `$distinct(X)`, `$substring(X, 1)`, `$substring(X, -2, 1)`, `$substringBefore(X, "l")`,
  `$substringAfter(X, "l")`, `$contains(X, "l")`, `$join(X, ",")`, `$split(X, "l")`, `$replace(X, "l", "L")`, `$lookup(X, "g")`,
  `$append(X, X)`, `$round(X, 1)`, `-X`, `X[0]`, `X[]`, `{ "v": X }`, `[X]`, `X ? "t" : "f"`, `X.g`, `$count([X, X])`,
];
const EVENTS = ["basic", "nested", "types", "single", "flags"].map((name) => [name, cornerEvents[name]] as const);

const expressions = [
  ...OPERANDS.flatMap((left) => OPERATORS.flatMap((operator) => OPERANDS.map((right) => `(${left}) ${operator} (${right})`))),
  ...FUNCTIONS.flatMap((template) => OPERANDS.map((operand) => template.replaceAll("X", `(${operand})`))),
];

describe("generated table of expressions", () => {
  it("is large and entirely compiled", () => {
    expect(expressions.length * EVENTS.length).toBeGreaterThan(10_000);
    expect(expressions.filter((text) => typeof compiledFor(text) === "string")).toEqual([]);
  });

  // grouped so a failure names the operator or function
  const groups = [...OPERATORS.map((operator) => ` ${operator} `), ...FUNCTIONS];
  it.each(groups)("%s", async (group) => {
    const members = group.startsWith(" ")
      ? expressions.filter((text) => text.includes(`)${group}(`))
      : FUNCTIONS.includes(group)
        ? OPERANDS.map((operand) => group.replaceAll("X", `(${operand})`))
        : [];
    expect(members.length).toBeGreaterThan(0);
    for (const text of members) {
      for (const [name, event] of EVENTS) {
        const { interpreted, compiled } = await compare(text, event);
        if (compiled.kind === "fallback") {
          // handing over is allowed where the interpreter fails
          if (interpreted.kind !== "error") expect.fail(`${text} on ${name} handed over, the interpreter gave ${interpreted.json}`);
          continue;
        }
        expect(compiled, `${text} on ${name}`).toStrictEqual(interpreted);
      }
    }
  });
});
