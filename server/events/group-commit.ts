import type { AppendOutcome, EventStore, NewEvent } from "./event-store";

type Waiter = {
  events: NewEvent[];
  resolve: (outcomes: AppendOutcome[]) => void;
  reject: (error: unknown) => void;
};

/**
 * Lets many concurrent ingest requests share one transaction. Requests that arrive while a
 * commit is being written wait for the next one; each request's promise resolves only after
 * the transaction holding its events has committed.
 *
 * At most `maxInFlight` commits are handed to the store at once. With 1, the log's order is
 * the order in which requests finished arriving. A store that writes its appends in the order
 * it is given them (the SQLite writer thread) can take more, so that the next commit is
 * already waiting for it when one ends.
 */
export class GroupCommitWriter {
  private queue: Waiter[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly store: EventStore,
    options: { maxEventsPerCommit?: number; maxInFlight?: number } = {},
  ) {
    this.maxEventsPerCommit = options.maxEventsPerCommit ?? 10_000;
    this.maxInFlight = options.maxInFlight ?? 1;
  }

  /** A commit takes at most this many events; the rest wait for the next one. */
  private readonly maxEventsPerCommit: number;
  private readonly maxInFlight: number;

  append(events: NewEvent[]): Promise<AppendOutcome[]> {
    if (events.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.queue.push({ events, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.maxInFlight) return;
    this.scheduled = true;
    // setImmediate lets the requests already read in this turn of the event loop join.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.inFlight >= this.maxInFlight || this.queue.length === 0) return;
    this.inFlight++;
    let taken = 1;
    let count = this.queue[0]!.events.length;
    while (taken < this.queue.length && count + this.queue[taken]!.events.length <= this.maxEventsPerCommit) count += this.queue[taken++]!.events.length;
    const batch = this.queue.splice(0, taken);
    try {
      const all = batch.length === 1 ? batch[0]!.events : batch.flatMap((w) => w.events);
      const outcomes = await this.store.append(all);
      let offset = 0;
      for (const waiter of batch) {
        waiter.resolve(outcomes.slice(offset, offset + waiter.events.length));
        offset += waiter.events.length;
      }
    } catch (error) {
      for (const waiter of batch) waiter.reject(error);
    } finally {
      this.inFlight--;
      if (this.queue.length > 0) this.schedule();
    }
  }

  /** Waits until everything queued so far has been committed. */
  async drain(): Promise<void> {
    while (this.queue.length > 0 || this.inFlight > 0) await new Promise((resolve) => setImmediate(resolve));
  }
}
