import { closeSync, fdatasync, fstatSync, openSync } from "node:fs";

/**
 * Makes the SQLite event log's commits durable off the event loop. The appending connection
 * commits with `synchronous = NORMAL` (no fsync inside COMMIT, which would block the thread
 * that answers HTTP for milliseconds), and ingest answers only after `sync()`: an fdatasync of
 * the WAL file on libuv's thread pool that started after the commit. Linux flushes every page
 * of the file whichever descriptor wrote it, so each acknowledged commit is as durable as with
 * `synchronous = FULL` (which fsyncs the same file inside COMMIT); checkpoints still sync the
 * WAL before copying it back, so the database stays consistent. Commits that arrive while a
 * sync runs share the next one, as they share a transaction in the group commit.
 */
export class WalSync {
  private fd: number | null = null;
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;
  /** How many fdatasync calls were made (for tests and benchmarks). */
  syncs = 0;

  constructor(private readonly walFile: string) {}

  /** Resolves once everything committed before the call is on disk. */
  sync(): Promise<void> {
    if (this.running === null) {
      this.running = this.run();
      return this.running;
    }
    // The sync in flight may have started before the caller's commit: wait for a later one.
    // It starts whatever became of the one in flight.
    const startNext = () => {
      this.next = null;
      this.running = this.run();
      return this.running;
    };
    this.next ??= this.running.then(startNext, startNext);
    return this.next;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private run(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let fd: number;
      try {
        fd = this.open();
      } catch (error) {
        // After sync() has stored this promise as the one running.
        queueMicrotask(() => {
          this.running = null;
          reject(error);
        });
        return;
      }
      this.syncs++;
      fdatasync(fd, (error) => {
        this.running = null;
        if (error) reject(error);
        else resolve();
      });
    });
  }

  /** The WAL file's descriptor, reopened if SQLite ever replaced the file. */
  private open(): number {
    if (this.fd !== null && fstatSync(this.fd).nlink > 0) return this.fd;
    this.close();
    this.fd = openSync(this.walFile, "r");
    return this.fd;
  }
}
