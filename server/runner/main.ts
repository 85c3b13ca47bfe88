// `npm run runner`: a runner on its own, for deployments that scale delivery apart from
// ingest (several may share one PostgreSQL database; destinations are leased between them).
import { startRunner } from "./start-runner";

const { runner, stop } = await startRunner();
console.log(`Switchyard runner ${runner.owner} is delivering`);
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void stop().then(() => process.exit(0));
  });
}
