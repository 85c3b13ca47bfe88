import { SourceService } from "../../server/sources/source-service";
import { optionalInteger, requireString } from "../args";
import type { Command } from "../command";
import { printResult } from "../output";
import { LOCAL_CLI_ACTOR } from "../../server/auth/actor";

export const eventCommands: Command[] = [
  {
    name: "events list",
    summary: "List a source's most recent events, newest first, as they were stored (normalised).",
    usage: "events list --source SOURCE_ID [--limit N] [--json]",
    options: { source: { type: "string" }, limit: { type: "string" } },
    async run(args, ctx) {
      const source = await new SourceService(ctx.db, LOCAL_CLI_ACTOR).get(ctx.workspaceId, requireString(args, "source"));
      const events = await ctx.events().list({ sourceId: source.id, limit: optionalInteger(args, "limit", 20, 1000) });
      printResult(
        args.values.json === true,
        events.map((e) => e.payload),
        events.map((e) => ({
          position: String(e.position),
          receivedAt: new Date(e.receivedAt).toISOString(),
          type: e.type,
          event: e.event ?? "",
          userId: e.userId ?? "",
          anonymousId: e.anonymousId ?? "",
        })),
      );
    },
  },
];
