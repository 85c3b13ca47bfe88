import { describe, expect, it } from "vitest";
import { compileMapping } from "./compile";
import { MappingEvaluationError } from "./errors";
import { evaluateMapping } from "./evaluate";
import { MIXPANEL_TRACK, orderCompleted } from "./fixtures/events";
import { defaultEvent, mappingCases } from "./fixtures/mapping-cases";

describe("evaluateMapping", () => {
  it.each(mappingCases)("$name", async ({ expression, event, expected }) => {
    const payload = await evaluateMapping(compileMapping(expression), event ?? defaultEvent);
    // toStrictEqual also checks prototypes: JSONata builds objects with a null prototype
    expect(payload).toStrictEqual(expected);
  });

  it("drops JSONata's sequence flags from arrays", async () => {
    const payload = await evaluateMapping(compileMapping(`{ "ids": properties.products.product_id, "kept": properties.products.product_id[] }`), orderCompleted);
    expect(payload).toStrictEqual({ ids: ["p1", "p2"], kept: ["p1", "p2"] });
    const ids: unknown = Reflect.get(payload as object, "ids");
    expect(Object.keys(ids as object)).toEqual(["0", "1"]);
    expect(JSON.stringify(payload)).toBe('{"ids":["p1","p2"],"kept":["p1","p2"]}');
  });

  it("passes the parts of the event it keeps unchanged through without copying them", async () => {
    const event = structuredClone(orderCompleted);
    const payload = await evaluateMapping(compileMapping(`{ "page": context.page }`), event);
    expect(payload).toStrictEqual({ page: event.context.page });
    expect(Reflect.get(payload as object, "page")).toBe(event.context.page);
  });

  it("runs many evaluations started together without one's budget counting the others' work", async () => {
    // interleaved, these 5,000 would share one wall clock of well over 100 ms and all time out
    const mapping = compileMapping(MIXPANEL_TRACK);
    const results = await Promise.allSettled(Array.from({ length: 5_000 }, () => evaluateMapping(mapping, orderCompleted, { timeoutMs: 100 })));
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
  });
});

interface RuntimeErrorCase {
  readonly name: string;
  readonly expression: string;
  readonly jsonataCode?: string;
  readonly line?: number;
  readonly column?: number;
  readonly token?: string;
  readonly message: RegExp;
}

const runtimeErrors: readonly RuntimeErrorCase[] = [
  { name: "string plus number", expression: `"a" + 1`, jsonataCode: "T2001", line: 1, column: 5, token: "+", message: /left side of the "\+" operator must evaluate to a number/ },
  { name: "calling a missing function", expression: `{ "x": $nope(1) }`, jsonataCode: "T1006", line: 1, column: 13, token: "nope", message: /non-function/ },
  { name: "$toMillis of garbage", expression: `$toMillis(properties.currency)`, jsonataCode: "D3110", token: "toMillis", message: /ISO 8601/ },
  { name: "wrong argument type, on line 2", expression: `{\n  "t": $toMillis(properties.total)\n}`, jsonataCode: "T0410", line: 2, token: "toMillis", message: /Argument 1 of function "toMillis" does not match/ },
  { name: "$number of text", expression: `$number("abc")`, jsonataCode: "D3030", token: "number", message: /Unable to cast value to a number/ },
  { name: "$error raised by the mapping", expression: `$error("order_id is missing")`, jsonataCode: "D3137", message: /order_id is missing/ },
  { name: "$assert raised by the mapping", expression: `$assert($exists(traits.email), "email is required")`, jsonataCode: "D3141", message: /email is required/ },
];

describe("evaluateMapping runtime errors", () => {
  it.each(runtimeErrors)("$name", async ({ expression, jsonataCode, line, column, token, message }) => {
    const error: unknown = await evaluateMapping(compileMapping(expression), orderCompleted).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MappingEvaluationError);
    const failure = error as MappingEvaluationError;
    expect(failure).toMatchObject({ code: "MAPPING_EVALUATION", retryable: false, jsonataCode });
    expect(failure.message).toMatch(message);
    if (line !== undefined) expect(failure.location?.line).toBe(line);
    if (column !== undefined) expect(failure.location?.column).toBe(column);
    if (token !== undefined) expect(failure.location?.token).toBe(token);
  });

  it("refuses a function in the payload, naming the field", async () => {
    const error: unknown = await evaluateMapping(compileMapping(`{ "user": { "fn": function($x) { $x } } }`), orderCompleted).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MappingEvaluationError);
    expect((error as Error).message).toBe(
      "The mapping produced a function at user.fn; a payload can only hold text, numbers, true/false, null, lists and objects.",
    );
  });
});
