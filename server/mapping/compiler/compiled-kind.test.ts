import { afterEach, describe, expect, it, vi } from "vitest";
import { compileMapping } from "../compile";
import { MappingEvaluationError } from "../errors";
import { evaluateMapping } from "../evaluate";
import { orderCompleted } from "../fixtures/events";
import { createInterpretedMapping } from "../interpreted-mapping";

afterEach(() => {
  vi.useRealTimers();
});

async function outcome(promise: Promise<unknown>): Promise<unknown> {
  try {
    return { value: await promise };
  } catch (error) {
    return { error };
  }
}

describe("a compiled mapping", () => {
  it("evaluates asynchronously, as the interpreted kind does", async () => {
    const mapping = compileMapping(`{ "id": messageId, "total": properties.total }`);
    expect(mapping.kind).toBe("compiled");
    const pending = mapping.evaluate(orderCompleted);
    expect(pending).toBeInstanceOf(Promise);
    await expect(pending).resolves.toStrictEqual({ id: "msg-1", total: 42.5 });
  });

  it("reports JSONata's error, code, message and position, by letting the interpreter run", async () => {
    const texts = [
      `{ "x": properties.total + properties.currency }`,
      `{ "when": $toMillis(properties.currency) }`,
      `{ "n": $lowercase(properties.total) }`,
      `{ "a": 1, "b": properties.total < "10" }`,
      `{ (properties.total): 1 }`,
    ];
    for (const text of texts) {
      const compiled = await outcome(evaluateMapping(compileMapping(text), orderCompleted));
      const interpreted = await outcome(evaluateMapping(createInterpretedMapping(text), orderCompleted));
      expect(compiled, text).toStrictEqual(interpreted);
      expect(compiled).toMatchObject({ error: expect.any(MappingEvaluationError) });
      expect((compiled as { error: MappingEvaluationError }).error.location?.position).toBeGreaterThan(0);
    }
  });

  it("reads the clock once per evaluation, and from the same clock as the interpreter", async () => {
    const text = `{ "now": $now(), "again": $now(), "millis": $fromMillis($millis()) }`;
    const first = (await evaluateMapping(compileMapping(text), {})) as Record<string, string>;
    expect(first.again).toBe(first.now);
    expect(first.millis).toBe(first.now);
    vi.useFakeTimers({ now: new Date("2030-01-02T03:04:05.678Z") });
    const compiled = await evaluateMapping(compileMapping(text), {});
    expect(compiled).toStrictEqual(await evaluateMapping(createInterpretedMapping(text), {}));
    expect(compiled).toMatchObject({ now: "2030-01-02T03:04:05.678Z" });
  });

  it("lets the interpreter evaluate an event that is not an object", async () => {
    const text = `$string($) & "/" & $count($)`;
    for (const event of [[1, 2], "text", 42, null, []]) {
      const compiled = await outcome(evaluateMapping(compileMapping(text), event));
      expect(compiled).toStrictEqual(await outcome(evaluateMapping(createInterpretedMapping(text), event)));
    }
  });

  it("lets the interpreter judge whatever the compiled code did not expect", async () => {
    let reads = 0;
    const event = {
      get flaky(): string {
        reads += 1;
        if (reads === 1) throw new TypeError("not yet");
        return "ready";
      },
    };
    await expect(evaluateMapping(compileMapping(`{ "value": flaky }`), event)).resolves.toStrictEqual({ value: "ready" });
  });

  it("normalises its result as the interpreted kind does", async () => {
    const text = `{ "ids": properties.products.product_id, "kept": properties.products.product_id[], "page": context.page }`;
    const compiled = await evaluateMapping(compileMapping(text), orderCompleted);
    expect(JSON.stringify(compiled)).toBe(JSON.stringify(await evaluateMapping(createInterpretedMapping(text), orderCompleted)));
    // the lists JSONata built are copied without their flags; the page passes through as it is
    expect(Object.keys(Reflect.get(compiled as object, "ids") as object)).toEqual(["0", "1"]);
    expect(Reflect.get(compiled as object, "page")).toBe(orderCompleted.context.page);
    await expect(evaluateMapping(compileMapping(`{ "bad": 1 / 0 }`), orderCompleted)).rejects.toThrow("the number Infinity at bad");
  });
});
