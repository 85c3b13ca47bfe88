/**
 * The (source, messageId) pairs seen recently, oldest first, bounded by age and count.
 *
 * SDKs resend an event with the same messageId when a request fails or times out, within
 * seconds or minutes. On SQLite the log has no unique index on messageId (it would dirty one
 * random index page per event); instead the single writer checks this window, which is rebuilt
 * from the newest events of the log when the process starts.
 *
 * One set of messageIds per source, so a lookup hashes the messageId string as it arrived
 * (V8 keeps a string's hash once computed) instead of building and hashing a combined key.
 * Within a commit, pairs are added as they are checked (a second copy in the same commit is
 * then a duplicate too); the bounds are applied only once the commit is certain (`trim`), and
 * a failed commit takes its pairs back out (`rollback`).
 */
export class DedupeWindow {
  private readonly bySource = new Map<string, Set<string>>();
  /** The pairs in the order they were added, from `head` on: a queue kept in three arrays. */
  private sources: string[] = [];
  private ids: string[] = [];
  private times: number[] = [];
  private head = 0;

  constructor(
    readonly maxEntries: number,
    readonly maxAgeMs: number,
  ) {}

  /** Adds the pair and answers true, or answers false when the window already holds it. */
  addIfNew(sourceId: string, messageId: string, receivedAt: number): boolean {
    let ids = this.bySource.get(sourceId);
    if (!ids) {
      ids = new Set();
      this.bySource.set(sourceId, ids);
    }
    if (ids.has(messageId)) return false;
    ids.add(messageId);
    this.sources.push(sourceId);
    this.ids.push(messageId);
    this.times.push(receivedAt);
    return true;
  }

  /** Takes back the `count` pairs added last (those of a commit that failed). */
  rollback(count: number): void {
    for (let i = 0; i < count && this.ids.length > this.head; i++) {
      this.bySource.get(this.sources.pop()!)?.delete(this.ids.pop()!);
      this.times.pop();
    }
  }

  /** Forgets the oldest pairs beyond the window's size or age. */
  trim(now: number): void {
    const oldestAllowed = now - this.maxAgeMs;
    while (this.ids.length - this.head > this.maxEntries || (this.head < this.ids.length && this.times[this.head]! < oldestAllowed)) {
      const ids = this.bySource.get(this.sources[this.head]!)!;
      ids.delete(this.ids[this.head]!);
      if (ids.size === 0) this.bySource.delete(this.sources[this.head]!);
      this.head++;
    }
    // Drop the forgotten prefix of the arrays once it dominates them.
    if (this.head > 4096 && this.head * 2 > this.ids.length) {
      this.sources = this.sources.slice(this.head);
      this.ids = this.ids.slice(this.head);
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
  }
}
