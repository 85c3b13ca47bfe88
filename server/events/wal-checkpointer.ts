import type { Worker } from "node:worker_threads";
import { startTypeScriptWorker } from "../ts-worker";

/**
 * How often the checkpoint thread copies the write-ahead log into the database file: at 60k
 * events/s the log then stays near 16 MB, as with the automatic checkpoints it replaces.
 */
const CHECKPOINT_INTERVAL_MS = 250;

/**
 * Runs the event log's WAL checkpoints on a thread of their own (`wal-checkpoint-worker.ts`).
 * The connection that appends events turns its own automatic checkpoints off; measured with
 * bench/ingest, `/v1/batch` takes about a fifth more events a second that way.
 */
export class WalCheckpointer {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;

  constructor(file: string) {
    this.worker = startTypeScriptWorker(new URL("./wal-checkpoint-worker.ts", import.meta.url), { file, intervalMs: CHECKPOINT_INTERVAL_MS });
    this.worker.unref();
    this.exited = new Promise((resolve) => this.worker.once("exit", () => resolve()));
    // A thread that could not start (its database unreadable) is reported, not a crash of the server.
    this.worker.on("error", (error) => console.error("the event log's checkpoint thread stopped", error));
  }

  /** Checkpoints what is left and stops the thread (at once if it already stopped). */
  async close(): Promise<void> {
    this.worker.postMessage({ kind: "close" });
    await this.exited;
  }
}
