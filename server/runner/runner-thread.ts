// The runner inside `npm start`: a worker thread, so mapping and delivery never hold up the
// event loop that answers ingest.
import { parentPort } from "node:worker_threads";
import { startRunner } from "./start-runner";

const { stop } = await startRunner();
parentPort!.on("message", (message: { kind: "stop" }) => {
  if (message.kind !== "stop") return;
  void stop().then(() => {
    parentPort!.postMessage({ kind: "stopped" });
    parentPort!.close();
  });
});
parentPort!.postMessage({ kind: "started" });
