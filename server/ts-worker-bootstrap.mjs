// Worker threads do not inherit tsx's loader from the main thread on Node 20: this plain
// JavaScript entry registers it in the worker, then loads the TypeScript entry it was given.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
