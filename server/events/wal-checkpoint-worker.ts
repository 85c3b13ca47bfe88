// The SQLite event log's checkpoint thread: copies committed pages from the write-ahead log
// into the database file, so that the connection appending events never does it itself
// (a checkpoint copies megabytes and syncs the file: a pause for every request behind it).
import { parentPort, workerData } from "node:worker_threads";
import { openSqlite } from "../sqlite-connection";

const { file, intervalMs } = (workerData as { data: { file: string; intervalMs: number } }).data;
const db = openSqlite(file);
const port = parentPort!;

// PASSIVE never waits for the writer or for readers: it copies what it can and tries again.
// A failed checkpoint (a full disk, say) is reported and tried again at the next tick.
const checkpoint = () => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch (error) {
    console.error("event log checkpoint failed", error);
  }
};
const timer = setInterval(checkpoint, intervalMs);

port.on("message", (message: { kind: "close" }) => {
  if (message.kind !== "close") return;
  clearInterval(timer);
  checkpoint();
  db.close();
  port.close();
});
