import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { stampClientIp } from "../auth/client-ip";
import { resolveDatabase } from "../database-url";
import { db } from "../db";
import { GroupCommitWriter } from "../events/group-commit";
import { openEventStore } from "../events/open-event-store";
import type { EventStore } from "../events/event-store";
import { createBrowserSourceRoutes } from "../browser-sdk/browser-source-routes";
import { createIngestHandler, isIngestPath } from "../ingest/http-handler";
import { IngestService } from "../ingest/ingest-service";
import { WriteKeyResolver } from "../ingest/write-keys";
import { migrate } from "../migrations";
import { SYSTEM_ACTOR } from "../auth/actor";
import { sealStoredSecrets } from "../delivery/seal-stored-secrets";
import { secretKey } from "../secrets/secret-key";
import { startTypeScriptWorker } from "../ts-worker";
import { ensureDefaultWorkspace, type WorkspaceView } from "../workspaces/workspace-service";
import { SourceService, type SourceView } from "../sources/source-service";
import { trustedProxiesFromEnv } from "./client-address";
import { configuredPublicUrl } from "./public-url";

/** The runner in a worker thread; `stop` lets it finish its cycles and give up its leases. */
function startRunnerThread(): { stop(): Promise<void> } {
  const worker = startTypeScriptWorker(new URL("../runner/runner-thread.ts", import.meta.url), null);
  worker.on("error", (error) => console.error("The delivery runner stopped:", error));
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        const timeout = setTimeout(() => void worker.terminate().then(() => resolve()), 10_000);
        worker.once("exit", () => {
          clearTimeout(timeout);
          resolve();
        });
        worker.postMessage({ kind: "stop" });
      }),
  };
}

type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export type SwitchyardOptions = {
  port?: number;
  host?: string;
  /** Serve the Next.js UI (a production build must exist); tests of the API alone leave it out. */
  ui?: boolean;
  /** Run the delivery runner in a worker thread of this process (default: yes). */
  runner?: boolean;
};

export type RunningSwitchyard = {
  url: string;
  server: Server;
  workspace: WorkspaceView;
  /** The demo source made on first start (or the workspace's first source). */
  demoSource: SourceView | null;
  events: EventStore;
  close(): Promise<void>;
};

async function createUiHandler(host: string, port: number): Promise<RequestHandler> {
  const { default: next } = await import("next");
  const app = next({ dev: false, hostname: host, port, dir: process.cwd() });
  await app.prepare();
  const handle = app.getRequestHandler();
  return (req, res) => handle(req, res);
}

/**
 * Starts Switchyard in this process: applies migrations, makes the first workspace (with a
 * demo source) on a fresh database, and serves `/v1/*` (ingest) from a plain Node HTTP
 * server in front of Next.js, which answers every other path.
 */
export async function startSwitchyard(options: SwitchyardOptions = {}): Promise<RunningSwitchyard> {
  const host = options.host ?? "127.0.0.1";
  // The database is DATABASE_URL's, as for the Prisma client, the runner and the CLI.
  const target = resolveDatabase();
  await migrate(target);
  // Loads (or creates) the secret key before the runner thread needs it.
  const sealed = await sealStoredSecrets(db, secretKey());
  if (sealed > 0) console.log(`Encrypted the secret settings of ${sealed} destination(s) saved before secrets were encrypted at rest`);

  const { workspace, created } = await ensureDefaultWorkspace(db);
  const sources = new SourceService(db, SYSTEM_ACTOR);
  const demoSource = created
    ? await sources.create(workspace.id, { name: "Demo source", kind: "http" })
    : ((await sources.list(workspace.id))[0] ?? null);

  // SQLite: insert and commit on the main thread by default. A writer thread
  // (SWITCHYARD_SQLITE_WRITER=thread) measured slower on a 2-core machine shared with the
  // load generator (bench/ingest); it may pay off with more cores.
  const events = openEventStore(target, { appendInWorker: process.env.SWITCHYARD_SQLITE_WRITER === "thread" });
  events.prepareForAppends();
  const writer = new GroupCommitWriter(events);
  const writeKeys = new WriteKeyResolver(db);
  const trustedProxies = trustedProxiesFromEnv();
  const handleIngest = createIngestHandler(new IngestService(writeKeys, writer), trustedProxies);
  const browserSource = createBrowserSourceRoutes({ db, writeKeys, trustedProxies, publicUrl: configuredPublicUrl() });

  const runner = (options.runner ?? true) ? startRunnerThread() : null;

  let ready = false;
  let ui: RequestHandler | null = null;
  const server = createServer((req, res) => {
    const pathname = (req.url ?? "/").split("?")[0]!;
    if (browserSource.matches(pathname)) {
      void browserSource.handle(req, res, pathname);
    } else if (isIngestPath(pathname)) {
      void handleIngest(req, res, pathname);
    } else if (pathname === "/healthz") {
      res.writeHead(ready ? 200 : 503, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ status: ready ? "ok" : "starting" }));
    } else if (ui) {
      stampClientIp(req);
      void ui(req, res);
    } else {
      res.writeHead(404, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ error: "Not found" }));
    }
  });
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 3000, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  if (options.ui ?? true) ui = await createUiHandler(host, port);
  ready = true;

  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    server,
    workspace,
    demoSource,
    events,
    async close() {
      ready = false;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await writer.drain();
      await runner?.stop();
      await events.close();
    },
  };
}
