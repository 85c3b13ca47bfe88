import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pullActions, pushActions, type ActionMeta } from "../../server/actions/mappings-as-code";
import { LOCAL_CLI_ACTOR } from "../../server/auth/actor";
import { requirePositional, UsageError, type ParsedArgs } from "../args";
import type { Command } from "../command";

const json = (args: ParsedArgs) => args.values.json === true;

/** Every `<folder>/<name>.json` with its `<name>.jsonata` beside it. */
function readPushedFiles(dir: string): Array<{ path: string; mapping: string; meta: Partial<ActionMeta> }> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${dir} is not a folder`);
  const files: Array<{ path: string; mapping: string; meta: Partial<ActionMeta> }> = [];
  for (const folder of readdirSync(dir).sort()) {
    const folderPath = path.join(dir, folder);
    if (!statSync(folderPath).isDirectory()) continue;
    for (const name of readdirSync(folderPath).filter((f) => f.endsWith(".json")).sort()) {
      const base = name.slice(0, -".json".length);
      const relative = `${folder}/${base}`;
      let meta: Partial<ActionMeta> = {};
      try {
        const parsed: unknown = JSON.parse(readFileSync(path.join(folderPath, name), "utf8"));
        if (typeof parsed === "object" && parsed !== null) meta = parsed as Partial<ActionMeta>;
      } catch (error) {
        meta = { name: `invalid JSON: ${(error as Error).message}` };
      }
      const mappingPath = path.join(folderPath, `${base}.jsonata`);
      const mapping = existsSync(mappingPath) ? readFileSync(mappingPath, "utf8").replace(/\n$/, "") : "";
      files.push({ path: relative, mapping, meta });
    }
  }
  return files;
}

export const mappingCommands: Command[] = [
  {
    name: "mappings pull",
    summary: "Write every action of the workspace as files: DIR/<destination>/<action>.jsonata and .json (trigger, name, enabled).",
    usage: "mappings pull DIR [--json]",
    options: {},
    positionals: ["DIR"],
    async run(args, ctx) {
      const dir = requirePositional(args, 0, "DIR");
      const actions = await pullActions(ctx.db, ctx.workspaceId);
      for (const action of actions) {
        mkdirSync(path.join(dir, action.folder), { recursive: true });
        writeFileSync(path.join(dir, action.folder, `${action.file}.jsonata`), `${action.mapping}\n`);
        writeFileSync(path.join(dir, action.folder, `${action.file}.json`), `${JSON.stringify(action.meta, null, 2)}\n`);
      }
      const written = actions.map((a) => `${a.folder}/${a.file}`);
      if (json(args)) process.stdout.write(`${JSON.stringify({ dir, actions: written }, null, 2)}\n`);
      else process.stdout.write(`Wrote ${actions.length} action${actions.length === 1 ? "" : "s"} to ${dir}:\n${written.map((w) => `  ${w}\n`).join("")}`);
    },
  },
  {
    name: "mappings push",
    summary: "Check every action file in DIR and apply the changed ones as new versions; one invalid file applies nothing (exit 1).",
    usage: "mappings push DIR [--json]",
    options: {},
    positionals: ["DIR"],
    async run(args, ctx) {
      const report = await pushActions(ctx.db, ctx.workspaceId, LOCAL_CLI_ACTOR, readPushedFiles(requirePositional(args, 0, "DIR")));
      if (json(args)) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else if (!report.applied) {
        process.stdout.write(`Nothing applied: ${report.problems.length} file${report.problems.length === 1 ? " is" : "s are"} invalid.\n${report.problems.map((p) => `  ${p.path}: ${p.message}\n`).join("")}`);
      } else {
        const lines = report.changes.map((c) => `  ${c.path}: ${c.changed.join(", ")} (version ${c.from} → ${c.to})\n`);
        process.stdout.write(`${report.changes.length === 0 ? "No changes" : `Applied ${report.changes.length} change${report.changes.length === 1 ? "" : "s"}`}; ${report.unchanged} unchanged.\n${lines.join("")}`);
      }
      if (!report.applied) process.exitCode = 1;
    },
  },
];
