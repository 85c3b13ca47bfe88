import { describe, expect, it } from "vitest";
import { niceMax, stackedBarPaths } from "./chart-paths";

describe("the deliveries chart", () => {
  it("rounds the y axis up to 1, 2 or 5 times a power of ten", () => {
    expect([0, 1, 3, 7, 10, 11, 180, 501].map(niceMax)).toEqual([1, 1, 5, 10, 10, 20, 200, 1000]);
  });

  it("stacks each status on those below it, minute by minute", () => {
    const paths = stackedBarPaths({ succeeded: [2, 0, 1], partial: [0, 0, 0], retrying: [1, 0, 0], failed: [0, 0, 3] }, 100, 4);
    expect(paths.succeeded).toBe("M0 100h1v-50h-1zM2 100h1v-25h-1z");
    expect(paths.partial).toBe("");
    expect(paths.retrying).toBe("M0 50h1v-25h-1z");
    expect(paths.failed).toBe("M2 75h1v-75h-1z");
  });
});
