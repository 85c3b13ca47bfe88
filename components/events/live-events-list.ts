/** The fields of a live event the list needs to keep its order. */
type Positioned = { position: number };

/** How many of the newest events the live list keeps while new ones arrive. */
export const LIVE_EVENTS_KEPT = 100;

/**
 * Puts newly arrived events (newest first) on top of the list, drops any already shown, and
 * keeps at most `keep`. Says where older events continue when some were dropped from the end.
 */
export function mergeNewer<E extends Positioned>(shown: E[], arrived: E[], keep: number): { events: E[]; trimmed: boolean } {
  const seen = new Set(shown.map((e) => e.position));
  const fresh = arrived.filter((e) => !seen.has(e.position)).sort((a, b) => b.position - a.position);
  const merged = [...fresh, ...shown];
  return merged.length > keep ? { events: merged.slice(0, keep), trimmed: true } : { events: merged, trimmed: false };
}

/** Adds an older page below the list, leaving out any already shown. */
export function appendOlder<E extends Positioned>(shown: E[], older: E[]): E[] {
  const seen = new Set(shown.map((e) => e.position));
  return [...shown, ...older.filter((e) => !seen.has(e.position))];
}
