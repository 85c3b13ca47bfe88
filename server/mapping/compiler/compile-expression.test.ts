import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { parseJsonataAst } from "../jsonata-adapter";
import { JSONATA_FUNCTION_NAMES } from "./builtins";
import { compileExpression } from "./compile-expression";
import { compare, expectSameOutcome } from "./testing/differential";

function reason(text: string): string | undefined {
  const outcome = compileExpression(parseJsonataAst(text));
  return outcome.compiled ? undefined : outcome.reason;
}

/** Left to the interpreter, one a line: the expression and why. */
const notCompiled: readonly (readonly [string, RegExp])[] = [
  [`$map(products, function($p) { $p.price })`, /function used as a value/],
  [`$sort(products, function($a, $b) { $a.price > $b.price })`, /function used as a value/],
  [`$map(products, $string)`, /\$string used as a value/],
  [`$each(properties, $boolean)`, /used as a value/],
  [`$eval("1 + 1")`, /\$eval/],
  [`$match(name, /a/)`, /regex/],
  [`$replace(name, /a/, "b")`, /regex/],
  [`$contains(name, /a/)`, /regex/],
  [`$toMillis(timestamp, "[Y]-[M]-[D]")`, /\$toMillis with 2 arguments/],
  [`$fromMillis(0, "[Y]")`, /\$fromMillis with 2 arguments/],
  [`$string()`, /\$string with 0 arguments/],
  [`products^(price)`, /sort/],
  [`products.*`, /wildcard/],
  [`**.price`, /descendant/],
  [`products.%.name`, /ancestor/],
  [`products@$p.$p.price`, /focus|tuple/],
  [`products#$i.$i`, /index|tuple/],
  [`products{ category: $sum(price) }`, /group/],
  [`[1..3]`, /\.\. operator/],
  [`$substring(?, 1)`, /partial/],
  [`| $ | { "a": 1 } |`, /transform/],
  [`$ ~> $string`, /variable on the right/],
  [`properties ~> | products | { "x": 1 } |`, /something other than \$/],
  [`$string`, /used as a value/],
  [`( $f := function($n) { $n > 0 ? $f($n - 1) : 0 }; $f(3) )`, /the function \$f/],
  [`( $f := function() { 1 }; ( $f := function($n) { $f($n) }; $f(3) ) )`, /recursion/],
  [`( $f := function() { $g() }; $g := function() { 1 }; $f() )`, /the function \$g/],
  [`( $f := function() { $x }; $x := 1; $f() )`, /bound after it/],
  [`( $f := function($v) { $v }; $f )`, /used as a value/],
  [`( $f := function($v) { $v }; $map([1], $f) )`, /\$f used as a value/],
  [`( $f := function($v) { $v }; $f := 1; $f )`, /rebound/],
  [`( $string := function($v) { $v }; $string(1) )`, /binding of \$string/],
  [`( $f := function($v) <n:n> { $v }; $f(1) )`, /signature/],
  [`( $f := function($v, $v) { $v }; $f(1, 2) )`, /repeated parameter/],
  [`( $f := function($v) { $v }; $f(1)[0] )`, /filtered call of a lambda/],
  [`{ "a": 1, "a": 2 }`, /repeated key/],
  [`{ "_jsonata_lambda": true }`, /reserved key/],
  [`a ? $x := 1 : 2`, /binding outside/],
  [`$x := 1`, /binding outside/],
  [`( $x := 1; $y := 2; function() { 3 } )`, /function used as a value/],
  [`foo(1)`, /named function/],
  [`$notAFunction(1)`, /\$notAFunction/],
  [`( $v := 1; $v(2) )`, /not a function/],
];

/** Compiled, with the results of the interpreter. */
const compiled: readonly string[] = [
  `( $x := 1; $f := function() { $x }; $x := 2; $f() )`,
  `( $g := function($v) { $v + 1 }; $f := function($v) { $g($v) * 2 }; $f(1) )`,
  `( $x := 1; ( $y := $x; $x := 2; [$x, $y] ) )`,
  `( $f := function($a, $b) { $a & $b }; $f("x") )`,
  `a ~> $string() ~> $length()`,
  `5 ~> function($v) { $v * 2 }`,
  `$ ~> | $ | {}, ["a"] |`,
  `$unboundVariable`,
];

describe("compileExpression", () => {
  it.each(notCompiled)("leaves %s to the interpreter", (text, why) => {
    expect(reason(text)).toMatch(why);
  });

  it.each(compiled)("compiles %s", async (text) => {
    expect(reason(text)).toBeUndefined();
    expectSameOutcome(await compare(text, { a: 7 }), text);
  });

  it("knows every function JSONata binds, so none is mistaken for an unbound variable", () => {
    const source = readFileSync(createRequire(import.meta.url).resolve("jsonata"), "utf8");
    const bound = [...source.matchAll(/staticFrame\.bind\('(\w+)'/g)].map((match) => match[1]);
    expect(bound.length).toBeGreaterThan(60);
    for (const name of [...bound, "now", "millis"]) expect(JSONATA_FUNCTION_NAMES.has(name ?? ""), name).toBe(true);
  });

  it("builds the same code from the same text, and nothing from data", () => {
    const text = `{ "a": a.b, "c": $uppercase(c) }`;
    const first = compileExpression(parseJsonataAst(text));
    const second = compileExpression(parseJsonataAst(text));
    expect(first.compiled && second.compiled && first.expression.source === second.expression.source).toBe(true);
  });
});
