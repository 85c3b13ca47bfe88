import { describe, expect, it } from "vitest";
import { z } from "zod";
import { MIXPANEL_TRACK, orderCompleted } from "./fixtures/events";
import { previewMapping } from "./preview";

const schema = z.object({ event: z.string(), properties: z.object({ distinct_id: z.string(), time: z.number() }) });

describe("previewMapping", () => {
  it("returns the payload when it evaluates and validates", async () => {
    const result = await previewMapping(MIXPANEL_TRACK, orderCompleted, schema);
    expect(result).toMatchObject({ ok: true, errors: [], payload: { event: "Order Completed", properties: { distinct_id: "user-42" } } });
  });

  it("works without a schema", async () => {
    expect(await previewMapping(`{ "n": $count(properties.products) }`, orderCompleted)).toEqual({ ok: true, payload: { n: 2 }, errors: [] });
    expect(await previewMapping(`properties.nope`, orderCompleted)).toEqual({ ok: true, errors: [] });
  });

  it("reports a syntax error with its place in the text", async () => {
    expect(await previewMapping(`{ "a": \n  $foo(  "b" }`, orderCompleted, schema)).toEqual({
      ok: false,
      errors: [{ code: "MAPPING_SYNTAX", message: 'Syntax error at line 2, column 14: Expected ")", got "}".', position: 22, line: 2, column: 14, token: "}" }],
    });
  });

  it("reports a runtime error with its place in the text", async () => {
    const result = await previewMapping(`{ "t": "a" + 1 }`, orderCompleted);
    expect(result).toMatchObject({ ok: false, errors: [{ code: "MAPPING_EVALUATION", line: 1, column: 12, token: "+" }] });
    expect(result.payload).toBeUndefined();
  });

  it("reports a stopped mapping", async () => {
    const result = await previewMapping(`( $f := function($n) { $f($n + 1) }; $f(0) )`, orderCompleted);
    expect(result).toMatchObject({ ok: false, errors: [{ code: "MAPPING_TIMEOUT" }] });
  });

  it("shows the payload beside the fields that failed validation", async () => {
    const result = await previewMapping(`{ "event": event, "properties": { "time": timestamp } }`, orderCompleted, schema);
    expect(result).toEqual({
      ok: false,
      payload: { event: "Order Completed", properties: { time: "2024-05-01T12:00:00.000Z" } },
      errors: [
        { code: "PAYLOAD_INVALID", path: "properties.distinct_id", message: "distinct_id is required" },
        { code: "PAYLOAD_INVALID", path: "properties.time", message: "time must be a number, got string" },
      ],
    });
  });

  it("never throws, even for a schema zod cannot run synchronously or bad limits", async () => {
    const asyncSchema = z.object({ a: z.number() }).refine(async () => true);
    const withAsyncSchema = await previewMapping(`{ "a": 1 }`, {}, asyncSchema);
    expect(withAsyncSchema).toMatchObject({ ok: false, payload: { a: 1 }, errors: [{ code: "MAPPING_EVALUATION" }] });
    expect(await previewMapping(`1`, {}, undefined, { timeoutMs: -1 })).toMatchObject({ ok: false, errors: [{ code: "MAPPING_EVALUATION" }] });
  });
});
