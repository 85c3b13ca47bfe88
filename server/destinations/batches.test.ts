import { describe, expect, it } from "vitest";
import { splitIntoBatches } from "./batches";

const sizes = (batches: Array<Array<{ index: number }>>) => batches.map((batch) => batch.map(({ index }) => index));

describe("splitIntoBatches", () => {
  it("splits by count, in order", () => {
    const { batches, oversized } = splitIntoBatches([1, 2, 3, 4, 5], { maxEvents: 2 });
    expect(sizes(batches)).toEqual([[0, 1], [2, 3], [4]]);
    expect(oversized).toEqual([]);
  });

  it("splits by JSON bytes", () => {
    const item = "x".repeat(98); // 100 bytes as JSON, 101 with its separator
    const { batches } = splitIntoBatches([item, item, item, item, item], { maxEvents: 100, maxBytes: 303 });
    expect(sizes(batches)).toEqual([[0, 1, 2], [3, 4]]);
  });

  it("sets aside an item bigger than a whole batch", () => {
    const { batches, oversized } = splitIntoBatches(["small", "x".repeat(500), "small"], { maxEvents: 10, maxBytes: 100 });
    expect(sizes(batches)).toEqual([[0, 2]]);
    expect(oversized).toEqual([1]);
  });

  it("returns no batch for no items", () => {
    expect(splitIntoBatches([], { maxEvents: 10 })).toEqual({ batches: [], oversized: [] });
  });
});
