import { describe, expect, it } from "vitest";
import { appendOlder, mergeNewer } from "./live-events-list";

const at = (...positions: number[]) => positions.map((position) => ({ position }));

describe("the live events list", () => {
  it("puts arrivals on top, newest first, without duplicates", () => {
    expect(mergeNewer(at(5, 4), at(6, 7, 5), 10)).toEqual({ events: at(7, 6, 5, 4), trimmed: false });
  });

  it("keeps only the newest when over the limit", () => {
    expect(mergeNewer(at(3, 2, 1), at(5, 4), 3)).toEqual({ events: at(5, 4, 3), trimmed: true });
  });

  it("appends an older page below", () => {
    expect(appendOlder(at(9, 8), at(8, 7, 6))).toEqual(at(9, 8, 7, 6));
  });
});
