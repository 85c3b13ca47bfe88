// The SQLite event log's writer thread: inserting and committing (~7 µs an event, CPU-bound
// in SQLite) runs here, so the main thread keeps parsing and validating requests meanwhile.
import { parentPort, workerData } from "node:worker_threads";
import { openSqlite } from "../sqlite-connection";
import { SqliteAppender, type DedupeOptions } from "./sqlite-appender";
import type { AppendRequest, AppendResponse } from "./sqlite-append-protocol";
import { unpackEvents } from "./sqlite-append-protocol";

const { file, options } = (workerData as { data: { file: string; options: DedupeOptions } }).data;
const db = openSqlite(file);
const appender = new SqliteAppender(db, options);
appender.loadDedupeWindow();

parentPort!.on("message", (message: AppendRequest) => {
  if (message.kind === "close") {
    db.close();
    parentPort!.close();
    return;
  }
  let response: AppendResponse;
  try {
    const outcomes = appender.append(unpackEvents(message.rows));
    response = { id: message.id, positions: outcomes.map((o) => o.position ?? 0) };
  } catch (error) {
    response = { id: message.id, error: (error as Error).message };
  }
  parentPort!.postMessage(response);
});
parentPort!.postMessage({ ready: true });
