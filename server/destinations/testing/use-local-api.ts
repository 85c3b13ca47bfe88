import { afterAll, beforeAll, beforeEach } from "vitest";
import { startLocalApi } from "./local-api";
import type { LocalApi, ScriptedReply } from "./local-api";

/**
 * Gives a test file one local API for all its tests: started before them, closed after them,
 * and reset before each test so that no test sees another's requests or scripted answers.
 * The returned object is usable from the file's top level (in helpers such as `run`), and
 * reaches the running API once the tests start.
 *
 * @param defaultReply The answer when a test scripts none, e.g. the API's usual success
 *   response; without it the local API answers 200 `{}`.
 */
export function useLocalApi(defaultReply?: ScriptedReply): LocalApi {
  let running: LocalApi | undefined;
  const current = (): LocalApi => {
    if (!running) throw new Error("The local API is not running: reach it from inside a test or hook");
    return running;
  };

  beforeAll(async () => {
    running = await startLocalApi();
  });
  afterAll(() => running?.close());
  beforeEach(() => {
    const api = current();
    api.reset();
    if (defaultReply) api.replyByDefault(defaultReply);
  });

  return {
    get url() {
      return current().url;
    },
    get requests() {
      return current().requests;
    },
    get answered() {
      return current().answered;
    },
    reply: (...replies) => current().reply(...replies),
    replyByDefault: (reply) => current().replyByDefault(reply),
    reset: () => current().reset(),
    close: () => current().close(),
  };
}
