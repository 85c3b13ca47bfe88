import { describe, expect, it } from "vitest";
import { compileMapping, MAPPING_CACHE_CAPACITY } from "./compile";
import { MappingSyntaxError } from "./errors";

interface SyntaxCase {
  readonly text: string;
  readonly jsonataCode: string;
  readonly position: number;
  readonly line: number;
  readonly column: number;
  readonly token?: string;
  readonly message: RegExp;
}

const syntaxErrors: readonly SyntaxCase[] = [
  { text: `{ "a": properties.total + }`, jsonataCode: "S0211", position: 27, line: 1, column: 27, token: "}", message: /line 1, column 27: .*"}" cannot be used .* trailing comma/ },
  { text: `{ "a": 1, }`, jsonataCode: "S0211", position: 11, line: 1, column: 11, token: "}", message: /trailing comma/ },
  { text: `{ "a": \n  $foo(  "b" }`, jsonataCode: "S0202", position: 22, line: 2, column: 14, token: "}", message: /^Syntax error at line 2, column 14: Expected "\)", got "}"\.$/ },
  { text: `{\n  "time": $toMillis(timestamp),\n  "x": ]\n}`, jsonataCode: "S0211", position: 42, line: 3, column: 8, token: "]", message: /line 3, column 8/ },
  { text: `"abc`, jsonataCode: "S0101", position: 4, line: 1, column: 4, message: /String literal must be terminated/ },
  { text: `properties.`, jsonataCode: "S0207", position: 11, line: 1, column: 12, token: "(end)", message: /Unexpected end of expression/ },
  { text: `[1, 2`, jsonataCode: "S0203", position: 5, line: 1, column: 6, token: "(end)", message: /Expected "\]" before end/ },
  { text: `{ "a" 1 }`, jsonataCode: "S0202", position: 7, line: 1, column: 7, message: /Expected ":"/ },
  { text: `/abc`, jsonataCode: "S0302", position: 4, line: 1, column: 4, message: /No terminating \/ in regular expression/ },
  { text: `foo bar`, jsonataCode: "S0201", position: 7, line: 1, column: 5, token: "bar", message: /"bar".*without an operator or comma/ },
  { text: ``, jsonataCode: "S0207", position: 0, line: 1, column: 1, token: "(end)", message: /^The mapping is empty/ },
  { text: `  \n  `, jsonataCode: "S0207", position: 5, line: 2, column: 3, token: "(end)", message: /^The mapping is empty/ },
];

describe("compileMapping", () => {
  it.each(syntaxErrors)("reports $jsonataCode in $text", ({ text, message, ...expected }) => {
    const error: unknown = catchError(() => compileMapping(text));
    expect(error).toBeInstanceOf(MappingSyntaxError);
    expect(error).toMatchObject({ code: "MAPPING_SYNTAX", retryable: false, token: undefined, ...expected });
    expect((error as Error).message).toMatch(message);
  });

  it("turns a parser stack overflow into a syntax error", () => {
    const error: unknown = catchError(() => compileMapping("(".repeat(100_000)));
    expect(error).toBeInstanceOf(MappingSyntaxError);
    expect((error as Error).message).toMatch(/nested too deeply/);
  });

  it("returns the same compiled object for the same text", () => {
    const text = `{ "cached": event }`;
    const first = compileMapping(text);
    expect(compileMapping(text)).toBe(first);
    expect(compileMapping(`${text} `)).not.toBe(first);
    expect(first).toMatchObject({ kind: "compiled", text });
  });

  it("leaves what the compiler does not cover to the interpreter", () => {
    expect(compileMapping(`$map(properties.products, function($p) { $p.price })`)).toMatchObject({ kind: "interpreted" });
    expect(compileMapping(`$replace(properties.currency, /[a-z]/, "")`)).toMatchObject({ kind: "interpreted" });
  });

  it("keeps at most MAPPING_CACHE_CAPACITY mappings", () => {
    const oldest = compileMapping(`"evicted"`);
    for (let index = 0; index < MAPPING_CACHE_CAPACITY; index++) compileMapping(`${index}`);
    expect(compileMapping(`"evicted"`)).not.toBe(oldest);
  });
});

function catchError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}
