import { resolveDatabase } from "../server/database-url";
import type { Db } from "../server/db";
import type { EventStore } from "../server/events/event-store";
import { AppError } from "../server/errors";
import { migrate } from "../server/migrations";
import { openEventStore } from "../server/events/open-event-store";
import { ensureDefaultWorkspace, findWorkspace } from "../server/workspaces/workspace-service";

/** What a command works with: the same database as the server, chosen by DATABASE_URL. */
export type CliContext = {
  db: Db;
  workspaceId: string;
  events(): EventStore;
  close(): Promise<void>;
};

export async function openCliContext(workspace: string | undefined): Promise<CliContext> {
  const target = resolveDatabase();
  await migrate(target);
  const { db } = await import("../server/db");
  let workspaceId: string;
  if (workspace) {
    const found = await findWorkspace(db, workspace);
    if (!found) throw new AppError("NOT_FOUND", `No workspace with id "${workspace}"`);
    workspaceId = found.id;
  } else {
    workspaceId = (await ensureDefaultWorkspace(db)).workspace.id;
  }
  let store: EventStore | null = null;
  return {
    db,
    workspaceId,
    events() {
      store ??= openEventStore(target);
      return store;
    },
    async close() {
      await store?.close();
      await db.$disconnect();
    },
  };
}
