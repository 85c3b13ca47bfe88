/** Bottom to top in the stacked chart. */
export const STACK_ORDER = ["succeeded", "partial", "retrying", "failed"] as const;
export type StackStatus = (typeof STACK_ORDER)[number];

/** A rounded-up maximum for the y axis: 1, 2, 5 × 10^n. */
export function niceMax(value: number): number {
  if (value <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

/**
 * SVG paths of a stacked bar chart, one per status, in a viewBox `buckets` wide and `height`
 * high: bucket i is the unit-wide column at x = i, each status stacked on those below it.
 */
export function stackedBarPaths(counts: Record<StackStatus, number[]>, height: number, yMax: number): Record<StackStatus, string> {
  const length = Math.max(...STACK_ORDER.map((s) => counts[s].length));
  const base = new Array<number>(length).fill(0);
  const scale = height / yMax;
  const paths = {} as Record<StackStatus, string>;
  for (const status of STACK_ORDER) {
    const parts: string[] = [];
    counts[status].forEach((n, i) => {
      if (n <= 0) return;
      const bottom = height - base[i]! * scale;
      const barHeight = n * scale;
      parts.push(`M${i} ${round(bottom)}h1v${round(-barHeight)}h-1z`);
      base[i]! += n;
    });
    paths[status] = parts.join("");
  }
  return paths;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
