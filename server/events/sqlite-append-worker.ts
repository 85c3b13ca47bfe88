// The SQLite event log's writer thread: dedupe, insert and commit (fsync included) run here,
// so the main thread goes on reading and validating requests meanwhile, on the other core.
import { parentPort, receiveMessageOnPort, workerData } from "node:worker_threads";
import { openSqlite } from "../sqlite-connection";
import { SqliteAppender, type DedupeOptions } from "./sqlite-appender";
import type { AppendRequest, AppendResponse } from "./sqlite-append-protocol";

type Append = Extract<AppendRequest, { kind: "append" }>;

const { file, options, checkpointsElsewhere } = (workerData as { data: { file: string; options: DedupeOptions; checkpointsElsewhere: boolean } }).data;
const db = openSqlite(file);
// When the store runs checkpoints on a thread of their own (wal-checkpointer.ts), this connection does not.
if (checkpointsElsewhere) db.pragma("wal_autocheckpoint = 0");
const appender = new SqliteAppender(db, options);
appender.loadDedupeWindow();
const port = parentPort!;

function close(): void {
  db.close();
  port.close();
}

port.on("message", (first: AppendRequest) => {
  if (first.kind === "close") return close();
  // Every append already queued joins this one's transaction: one commit (and one fsync) for
  // all the requests that arrived while the previous commit was being written.
  const batch: Append[] = [first];
  let closing = false;
  for (let next = receiveMessageOnPort(port); next; next = receiveMessageOnPort(port)) {
    const message = next.message as AppendRequest;
    if (message.kind === "close") {
      closing = true;
      break;
    }
    batch.push(message);
  }
  let responses: AppendResponse[];
  // One answer message for the whole transaction, holding each request's outcome.
  try {
    const outcomes = appender.appendAll(batch.map((m) => m.events));
    responses = batch.map((m, i) => ({ id: m.id, outcome: outcomes[i]! }));
  } catch (error) {
    responses = batch.map((m) => ({ id: m.id, error: (error as Error).message }));
  }
  port.postMessage(responses);
  if (closing) close();
});
port.postMessage({ ready: true });
