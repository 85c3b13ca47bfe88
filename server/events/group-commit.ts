import type { AppendOutcome, EventStore, NewEvent } from "./event-store";

type Waiter = {
  events: NewEvent[];
  resolve: (outcomes: AppendOutcome[]) => void;
  reject: (error: unknown) => void;
};

/**
 * Lets many concurrent ingest requests share one transaction. Requests that arrive while a
 * commit is being written wait for the next one; each request's promise resolves only after
 * the transaction holding its events has committed. One commit is in flight at a time, so
 * the log's order is the order in which requests finished arriving.
 */
export class GroupCommitWriter {
  private queue: Waiter[] = [];
  private flushing = false;
  private scheduled = false;

  constructor(
    private readonly store: EventStore,
    /** A commit takes at most this many events; the rest wait for the next one. */
    private readonly maxEventsPerCommit = 10_000,
  ) {}

  append(events: NewEvent[]): Promise<AppendOutcome[]> {
    if (events.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.queue.push({ events, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    // setImmediate lets the requests already read in this turn of the event loop join.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.flushing || this.queue.length === 0) return;
    this.flushing = true;
    const batch: Waiter[] = [];
    let count = 0;
    while (this.queue.length > 0 && (batch.length === 0 || count + this.queue[0]!.events.length <= this.maxEventsPerCommit)) {
      const waiter = this.queue.shift()!;
      batch.push(waiter);
      count += waiter.events.length;
    }
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
      this.flushing = false;
      if (this.queue.length > 0) this.schedule();
    }
  }

  /** Waits until everything queued so far has been committed. */
  async drain(): Promise<void> {
    while (this.queue.length > 0 || this.flushing) await new Promise((resolve) => setImmediate(resolve));
  }
}
