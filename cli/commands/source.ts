import { SOURCE_KINDS, SourceService, type SourceKind, type SourceView } from "../../server/sources/source-service";
import { requirePositional, requireString, UsageError } from "../args";
import type { Command } from "../command";
import { printResult } from "../output";
import { LOCAL_CLI_ACTOR } from "../../server/auth/actor";

function rows(sources: SourceView[]) {
  return sources.map((s) => ({
    id: s.id,
    name: s.name,
    kind: s.kind,
    enabled: String(s.enabled),
    writeKey: s.writeKey,
    lastEvent: s.lastEventAt ?? "never",
  }));
}

function kindOf(value: string | boolean | undefined): SourceKind | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string" && (SOURCE_KINDS as readonly string[]).includes(value)) return value as SourceKind;
  throw new UsageError(`--kind must be one of ${SOURCE_KINDS.join(", ")}`);
}

const sourceIdArg = ["SOURCE_ID"];

export const sourceCommands: Command[] = [
  {
    name: "source create",
    summary: "Create a source and print its write key.",
    usage: `source create --name NAME [--kind ${SOURCE_KINDS.join("|")}] [--json]`,
    options: { name: { type: "string" }, kind: { type: "string" } },
    async run(args, ctx) {
      const source = await new SourceService(ctx.db, LOCAL_CLI_ACTOR).create(ctx.workspaceId, { name: requireString(args, "name"), kind: kindOf(args.values.kind) });
      printResult(args.values.json === true, source, rows([source]));
    },
  },
  {
    name: "source list",
    summary: "List the workspace's sources.",
    usage: "source list [--json]",
    async run(args, ctx) {
      const sources = await new SourceService(ctx.db, LOCAL_CLI_ACTOR).list(ctx.workspaceId);
      printResult(args.values.json === true, sources, rows(sources));
    },
  },
  {
    name: "source rename",
    summary: "Rename a source.",
    usage: "source rename SOURCE_ID --name NAME [--json]",
    options: { name: { type: "string" } },
    positionals: sourceIdArg,
    async run(args, ctx) {
      const source = await new SourceService(ctx.db, LOCAL_CLI_ACTOR).rename(ctx.workspaceId, requirePositional(args, 0, "SOURCE_ID"), requireString(args, "name"));
      printResult(args.values.json === true, source, rows([source]));
    },
  },
  ...(["enable", "disable"] as const).map(
    (verb): Command => ({
      name: `source ${verb}`,
      summary: verb === "enable" ? "Accept events on the source's write key again." : "Refuse events on the source's write key (401) until enabled.",
      usage: `source ${verb} SOURCE_ID [--json]`,
      positionals: sourceIdArg,
      async run(args, ctx) {
        const source = await new SourceService(ctx.db, LOCAL_CLI_ACTOR).setEnabled(ctx.workspaceId, requirePositional(args, 0, "SOURCE_ID"), verb === "enable");
        printResult(args.values.json === true, source, rows([source]));
      },
    }),
  ),
  {
    name: "source rotate-key",
    summary: "Give a source a new write key; the old one stops working.",
    usage: "source rotate-key SOURCE_ID [--json]",
    positionals: sourceIdArg,
    async run(args, ctx) {
      const source = await new SourceService(ctx.db, LOCAL_CLI_ACTOR).rotateWriteKey(ctx.workspaceId, requirePositional(args, 0, "SOURCE_ID"));
      printResult(args.values.json === true, source, rows([source]));
    },
  },
  {
    name: "source delete",
    summary: "Delete a source and its connections (its stored events are kept).",
    usage: "source delete SOURCE_ID [--json]",
    positionals: sourceIdArg,
    async run(args, ctx) {
      const id = requirePositional(args, 0, "SOURCE_ID");
      await new SourceService(ctx.db, LOCAL_CLI_ACTOR).delete(ctx.workspaceId, id);
      printResult(args.values.json === true, { id, deleted: true }, [{ id, deleted: "true" }]);
    },
  },
];
