import { startSwitchyard } from "./http/switchyard-server";

/** `npm start`: the UI, the ingest API and (with the runner) delivery, in one process. */
async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? "127.0.0.1";
  const app = await startSwitchyard({ port, host, ui: process.env.SWITCHYARD_NO_UI !== "1", runner: process.env.SWITCHYARD_NO_RUNNER !== "1" });
  const source = app.demoSource;
  console.log(`Switchyard is running at ${app.url} (database: ${app.events.kind})`);
  if (source) {
    console.log(`Source "${source.name}" write key: ${source.writeKey}`);
    console.log(
      `Send a first event:\n  curl -u '${source.writeKey}:' -H 'Content-Type: application/json' ` +
        `-d '{"userId":"user-1","event":"Signed Up"}' ${app.url}/v1/track`,
    );
  }
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await app.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
