import { describe, expect, it } from "vitest";
import { compileMapping } from "./compile";
import type { MappingLimitCode } from "./errors";
import { MappingLimitError } from "./errors";
import { evaluateMapping } from "./evaluate";
import { orderCompleted } from "./fixtures/events";

/** A string of 10 × 8^6 = 2.6 million characters from a handful of steps (JavaScript ropes make `&` cheap). */
const DOUBLED_STRING = `( $s := "xxxxxxxxxx"; ${`$s := $s & $s & $s & $s & $s & $s & $s & $s; `.repeat(6)}$s )`;
/** 10 × 8^8 = 168 million characters: left to JSONata, `$length` of it aborts the process. */
const HUGE_STRING = `( $s := "xxxxxxxxxx"; ${`$s := $s & $s & $s & $s & $s & $s & $s & $s; `.repeat(8)}$s )`;

interface HostileCase {
  readonly name: string;
  readonly expression: string;
  readonly codes: readonly MappingLimitCode[];
}

const hostile: readonly HostileCase[] = [
  { name: "endless tail recursion", expression: `( $f := function($n) { $f($n + 1) }; $f(0) )`, codes: ["MAPPING_TIMEOUT"] },
  { name: "deep recursion", expression: `( $f := function($n) { 1 + $f($n + 1) }; $f(0) )`, codes: ["MAPPING_DEPTH"] },
  { name: "tight counting loop", expression: `( $f := function($n) { $n > 0 ? $f($n - 1) : 0 }; $f(1e12) )`, codes: ["MAPPING_TIMEOUT"] },
  { name: "nested loops over lists under the size limit", expression: `$map([1..90000], function($i) { $map([1..90000], function($j) { $i * $j }) })`, codes: ["MAPPING_TIMEOUT"] },
  { name: "sort with a comparator over a large list", expression: `$sort([1..90000], function($a, $b) { $a < $b })`, codes: ["MAPPING_TIMEOUT"] },
  { name: "a huge range", expression: `[1..10000000]`, codes: ["MAPPING_SIZE"] },
  { name: "$string of a huge range", expression: `$string([1..10000000])`, codes: ["MAPPING_SIZE"] },
  { name: "$sum of a huge range", expression: `{ "total": $sum([1..10000000]) }`, codes: ["MAPPING_SIZE"] },
  { name: "a range per item multiplies lists", expression: `[1..3000].([1..3000])`, codes: ["MAPPING_SIZE", "MAPPING_TIMEOUT"] },
  { name: "endless recursion inside $eval", expression: `$eval("( $f := function($n) { $f($n + 1) }; $f(0) )")`, codes: ["MAPPING_TIMEOUT"] },
  { name: "deep recursion inside $eval", expression: `$eval("( $f := function($n) { 1 + $f($n + 1) }; $f(0) )")`, codes: ["MAPPING_DEPTH"] },
  { name: "a string doubled past the limit", expression: DOUBLED_STRING, codes: ["MAPPING_SIZE"] },
  { name: "$length of a 168-million-character string", expression: `$length(${HUGE_STRING})`, codes: ["MAPPING_SIZE"] },
  { name: "$split of a huge string into characters", expression: `$split(${HUGE_STRING}, "")`, codes: ["MAPPING_SIZE"] },
  { name: "$pad to a huge width", expression: `$pad("", 200000000)`, codes: ["MAPPING_SIZE"] },
  { name: "$pad to a huge width with a two-character pad", expression: `$pad("", 200000000, "ab")`, codes: ["MAPPING_SIZE"] },
  { name: "$pad wider than JavaScript strings allow", expression: `$pad("", 1000000000)`, codes: ["MAPPING_SIZE"] },
];

describe("limits on hostile mappings", () => {
  it.each(hostile)("stops $name", async ({ expression, codes }) => {
    const started = performance.now();
    const error: unknown = await evaluateMapping(compileMapping(expression), orderCompleted).catch((caught: unknown) => caught);
    const elapsedMs = performance.now() - started;

    expect(error).toBeInstanceOf(MappingLimitError);
    expect(codes).toContain((error as MappingLimitError).code);
    expect((error as MappingLimitError).retryable).toBe(false);
    // generous: the budget is 50 ms; this only proves nothing ran away
    expect(elapsedMs).toBeLessThan(2_000);
  });

  it("says what was exceeded and where", async () => {
    const error: unknown = await evaluateMapping(compileMapping(`( $f := function($n) { $f($n + 1) }; $f(0) )`), orderCompleted).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "MAPPING_TIMEOUT", location: { line: 1 } });
    expect((error as Error).message).toMatch(/^The mapping ran longer than its 50 ms budget and was stopped at line 1, column \d+\. Look for a function that calls itself/);
  });

  it("confirms a timeout with a second run, so one stall of the machine does not fail the event", async () => {
    let stalls = 1;
    const event = {
      get slow(): number {
        if (stalls-- > 0) busyWait(80);
        return 1;
      },
    };
    await expect(evaluateMapping(compileMapping(`{ "a": slow, "b": slow + 1 }`), event)).resolves.toStrictEqual({ a: 1, b: 2 });
  });

  it("keeps evaluating other mappings after stopping one", async () => {
    await expect(evaluateMapping(compileMapping(`( $f := function($n) { $f($n + 1) }; $f(0) )`), orderCompleted)).rejects.toBeInstanceOf(MappingLimitError);
    await expect(evaluateMapping(compileMapping(`{ "ok": true }`), orderCompleted)).resolves.toStrictEqual({ ok: true });
  });

  it("applies limits given per evaluation", async () => {
    const recursion = compileMapping(`( $f := function($n) { $n = 0 ? 0 : 1 + $f($n - 1) }; $f(40) )`);
    await expect(evaluateMapping(recursion, orderCompleted)).resolves.toBe(40);
    await expect(evaluateMapping(recursion, orderCompleted, { maxDepth: 30 })).rejects.toMatchObject({ code: "MAPPING_DEPTH", message: expect.stringContaining("30 evaluation steps") });

    const loop = compileMapping(`( $f := function($n) { $n > 0 ? $f($n - 1) : 0 }; $f(1e12) )`);
    await expect(evaluateMapping(loop, orderCompleted, { timeoutMs: 5 })).rejects.toMatchObject({ code: "MAPPING_TIMEOUT", message: expect.stringContaining("5 ms budget") });

    const range = compileMapping(`$count([1..100])`);
    await expect(evaluateMapping(range, orderCompleted, { maxSequenceLength: 50 })).rejects.toMatchObject({ code: "MAPPING_SIZE" });
    await expect(evaluateMapping(compileMapping(`$pad("a", 20)`), orderCompleted, { maxStringLength: 10 })).rejects.toMatchObject({ code: "MAPPING_SIZE" });
  });

  it("refuses limits that would switch a guard off", async () => {
    await expect(evaluateMapping(compileMapping(`1`), orderCompleted, { timeoutMs: 0 })).rejects.toBeInstanceOf(RangeError);
    await expect(evaluateMapping(compileMapping(`1`), orderCompleted, { maxDepth: Number.NaN })).rejects.toBeInstanceOf(RangeError);
  });

  it("refuses a payload nested deeper than the depth limit", async () => {
    const deep = compileMapping(`$`);
    let event: object = { leaf: true };
    for (let level = 0; level < 20; level++) event = { next: event };
    await expect(evaluateMapping(deep, event, { maxDepth: 10 })).rejects.toMatchObject({ code: "MAPPING_DEPTH" });
  });
});

function busyWait(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // a stall of the machine, as seen by the clock
  }
}
