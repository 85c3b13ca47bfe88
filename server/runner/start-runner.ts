import { resolveDatabase } from "../database-url";
import { openEventStore } from "../events/open-event-store";
import { migrate } from "../migrations";
import { Runner } from "./runner";
import { runnerOptionsFromEnv } from "./runner-options-from-env";

/** Starts a runner on the configured database; resolves to a function that stops it. */
export async function startRunner(): Promise<{ runner: Runner; stop(): Promise<void> }> {
  const target = resolveDatabase();
  await migrate(target);
  const { db } = await import("../db");
  const events = openEventStore(target);
  const runner = new Runner(db, events, runnerOptionsFromEnv());
  runner.start();
  return {
    runner,
    async stop() {
      await runner.stop();
      await events.close();
    },
  };
}
