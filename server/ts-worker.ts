import { Worker } from "node:worker_threads";

/** Starts a worker thread running a TypeScript module; `data` reaches it as `workerData.data`. */
export function startTypeScriptWorker(entry: URL, data: unknown): Worker {
  return new Worker(new URL("./ts-worker-bootstrap.mjs", import.meta.url), { workerData: { entry: entry.href, data } });
}
