import { describe, expect, it } from "vitest";
import { jsonText, stringifyBody } from "./json-text";

describe("JSON texts serialized once", () => {
  const payload = (n: number) => ({ event: "Order Completed", properties: { n, text: "é — \u0000 \"quoted\"", list: [1, { a: null }] } });

  it("sizes in UTF-8 bytes and remembers an object's text", () => {
    const item = payload(1);
    const first = jsonText(item);
    expect(first).toEqual({ text: JSON.stringify(item), bytes: Buffer.byteLength(JSON.stringify(item)) });
    expect(jsonText(item)).toBe(first);
    expect(jsonText("x")).toEqual({ text: '"x"', bytes: 3 });
  });

  it("reuses remembered texts in a batch, and in an envelope around one, exactly as JSON.stringify writes them", () => {
    const items = [payload(1), payload(2), payload(3)];
    for (const item of items) jsonText(item);
    // The text is what was remembered, not a new serialization.
    const changed = payload(4);
    jsonText(changed);
    changed.properties.n = 5;
    expect(stringifyBody([changed])).toBe(`[${JSON.stringify(payload(4))}]`);

    for (const body of [items, { api_key: "k", batch: items, options: { min_id_length: 1 } }, items[0], { events: [...items, payload(9)] }, []]) {
      expect(stringifyBody(body)).toBe(JSON.stringify(body));
    }
  });

  it("serializes plainly what holds no remembered object, and a string that mimics its placeholder", () => {
    expect(stringifyBody({ a: [1, 2], b: "x" })).toBe('{"a":[1,2],"b":"x"}');
    const item = payload(6);
    jsonText(item);
    const tricky = { batch: [item, { note: "\u0000json-text:0123" }] };
    expect(stringifyBody(tricky)).toBe(JSON.stringify(tricky));
  });
});
