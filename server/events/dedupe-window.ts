/**
 * The (source, messageId) pairs seen recently, oldest first, bounded by age and count.
 *
 * SDKs resend an event with the same messageId when a request fails or times out, within
 * seconds or minutes. On SQLite the log has no unique index on messageId (it would dirty one
 * random index page per event); instead the single ingest process checks this window, which
 * is rebuilt from the newest events of the log when the process starts.
 */
export class DedupeWindow {
  private readonly seen = new Set<string>();
  private readonly keys: string[] = [];
  private readonly times: number[] = [];
  private head = 0;

  constructor(
    readonly maxEntries: number,
    readonly maxAgeMs: number,
  ) {}

  static key(sourceId: string, messageId: string): string {
    return `${sourceId}\n${messageId}`;
  }

  has(key: string): boolean {
    return this.seen.has(key);
  }

  add(key: string, receivedAt: number): void {
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.keys.push(key);
    this.times.push(receivedAt);
    this.evict(receivedAt);
  }

  private evict(now: number): void {
    const oldestAllowed = now - this.maxAgeMs;
    while (this.keys.length - this.head > this.maxEntries || (this.head < this.keys.length && this.times[this.head]! < oldestAllowed)) {
      this.seen.delete(this.keys[this.head]!);
      this.head++;
    }
    // Compact the backing arrays once the evicted prefix dominates them.
    if (this.head > 4096 && this.head * 2 > this.keys.length) {
      this.keys.splice(0, this.head);
      this.times.splice(0, this.head);
      this.head = 0;
    }
  }
}
